using System;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FintechCrypto.Tests.Contract;

/// <summary>The AEAD operations over every AEAD parameter set (<see cref="Registry.AllAeadLabels"/>).</summary>
public sealed class AeadFamilyContractTests
{
    private static readonly byte[] Message = Registry.Message;
    private static readonly byte[] AssociatedData = { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(Registry.AllAeadLabels), MemberType = typeof(Registry))]
    public void TooSmallDestinations_AreArgumentExceptionsNamingTheParameter(string label)
    {
        AeadAlgorithm algorithm = Registry.Aead(label);
        AeadKey key = Registry.SharedKey(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        byte[] sealedMessage = key.Encrypt(nonce, Message, AssociatedData);
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => key.Encrypt(nonce, Message, AssociatedData, new byte[sealedMessage.Length - 1])).ParamName);
        Assert.Equal("plaintext", Assert.Throws<ArgumentException>(() => key.TryDecrypt(nonce, sealedMessage, AssociatedData, new byte[Message.Length - 1], out _)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Registry.AllAeadLabels), MemberType = typeof(Registry))]
    public void OutputOverlappingAnInput_IsRefused_ButExactlyInPlaceWorks(string label)
    {
        AeadAlgorithm algorithm = Registry.Aead(label);
        AeadKey key = Registry.SharedKey(algorithm);
        int n = Message.Length, tag = algorithm.TagSize, nonceSize = algorithm.NonceSize;
        byte[] buffer = new byte[nonceSize + n + tag + 8];

        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => key.Encrypt(buffer.AsSpan(0, nonceSize), Message, AssociatedData, buffer.AsSpan(nonceSize - 1, n + tag))).ParamName);
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => key.Encrypt(new byte[nonceSize], Message, buffer.AsSpan(0, 4), buffer.AsSpan(2, n + tag))).ParamName);
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => key.Encrypt(new byte[nonceSize], buffer.AsSpan(0, n), AssociatedData, buffer.AsSpan(1, n + tag))).ParamName);
        Assert.Equal("plaintext", Assert.Throws<ArgumentException>(() => key.TryDecrypt(new byte[nonceSize], buffer.AsSpan(0, n + tag), AssociatedData, buffer.AsSpan(1, n), out _)).ParamName);
        Assert.Equal("plaintext", Assert.Throws<ArgumentException>(() => key.TryDecrypt(buffer.AsSpan(0, nonceSize), new byte[n + tag], AssociatedData, buffer.AsSpan(nonceSize - 1, n), out _)).ParamName);

        // Exactly in place (the output starts where the input starts) is allowed.
        byte[] nonce = new byte[nonceSize];
        byte[] inPlace = new byte[n + tag];
        Message.CopyTo(inPlace, 0);
        key.Encrypt(nonce, inPlace.AsSpan(0, n), AssociatedData, inPlace);
        Assert.Equal(key.Encrypt(nonce, Message, AssociatedData), inPlace);
        Assert.True(key.TryDecrypt(nonce, inPlace, AssociatedData, inPlace.AsSpan(0, n), out int written));
        Assert.Equal(n, written);
        Assert.Equal(Message, inPlace[..n]);
    }

    [Theory]
    [MemberData(nameof(Registry.AllAeadLabels), MemberType = typeof(Registry))]
    public void Decrypt_AnyBytes_FailsWithoutAnException(string label)
    {
        AeadAlgorithm algorithm = Registry.Aead(label);
        AeadKey key = Registry.SharedKey(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), (byte[] garbage) =>
        {
            garbage ??= Array.Empty<byte>();
            Assert.False(key.TryDecrypt(nonce, garbage, AssociatedData, out byte[]? opened));
            Assert.Null(opened);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }
}
