// The contract tests of the key API written once (issue 12): TryExport on every key type, SupportsSeed/SeedSize on
// every family with seeds, Import/Export/TryExport without default format parameters, AeadKey.TryDecrypt, and output
// spans of at least the output size whose methods return the bytes written (docs/algorithms.md, "Output spans").

using System;
using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FintechCrypto.Tests.Contract;

/// <summary>The key API of issue 12's one key lifecycle, over every key type and parameter set of <see cref="Registry"/>.</summary>
public sealed class KeyApiContractTests
{
    private static readonly Type[] s_keyTypes =
    {
        typeof(SigningKey), typeof(VerificationKey), typeof(DecapsulationKey), typeof(EncapsulationKey),
        typeof(KeyAgreementKey), typeof(KeyAgreementPublicKey), typeof(AeadKey),
    };

    private static readonly byte[] Message = Registry.Message;
    private static readonly byte[] AssociatedData = { 1, 2, 3, 4 };

    [Fact]
    public void EveryKeyType_HasTryExport()
    {
        foreach (Type type in s_keyTypes)
        {
            MethodInfo? tryExport = type.GetMethod("TryExport", new[] { typeof(KeyBlobFormat), typeof(Span<byte>), typeof(int).MakeByRefType() });
            Assert.True(tryExport is not null && tryExport.ReturnType == typeof(bool), $"{type.Name} has no bool TryExport(KeyBlobFormat, Span<byte>, out int)");
        }
    }

    [Fact]
    public void NoImportExportOrTryExport_HasADefaultParameter()
    {
        foreach (Type type in s_keyTypes)
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
                         .Where(m => m.Name is "Import" or "Export" or "TryExport"))
            {
                Assert.True(method.GetParameters().All(p => !p.HasDefaultValue), $"{type.Name}.{method.Name} has a default parameter");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Registry.KemNames), MemberType = typeof(Registry))]
    public void Kem_SupportsSeed_AndSeedSize_DescribeThePrivateKeySeedFormat(string name)
    {
        KemAlgorithm algorithm = Registry.Kem(name);
        DecapsulationKey key = Registry.SharedKey(algorithm);
        Assert.True(algorithm.SupportsSeed);
        Assert.Equal(algorithm.SeedSize, key.Export(KeyBlobFormat.PrivateKeySeed).Length);
    }

    [Theory]
    [MemberData(nameof(Registry.AllSignatureNames), MemberType = typeof(Registry))]
    public void Signature_SupportsSeed_AndSeedSize_DescribeThePrivateKeySeedFormat(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        if (algorithm.SupportsSeed)
        {
            Assert.Equal(algorithm.SeedSize, key.Export(KeyBlobFormat.PrivateKeySeed).Length);
        }
        else
        {
            Assert.Equal(0, algorithm.SeedSize);
            Assert.Equal("format", Assert.Throws<ArgumentException>(() => key.Export(KeyBlobFormat.PrivateKeySeed)).ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(Registry.AllAeadLabels), MemberType = typeof(Registry))]
    public void Aead_TryExport_WritesTheKey_AndRefusesATooSmallDestination_AndADisposedKey(string label)
    {
        AeadAlgorithm algorithm = Registry.Aead(label);
        AeadKey key = AeadKey.Import(algorithm, Registry.SharedKey(algorithm).Export(KeyBlobFormat.RawPrivateKey), KeyBlobFormat.RawPrivateKey);
        byte[] expected = key.Export(KeyBlobFormat.RawPrivateKey);
        byte[] larger = Enumerable.Repeat((byte)0xA5, expected.Length + 5).ToArray();
        Assert.True(key.TryExport(KeyBlobFormat.RawPrivateKey, larger, out int written));
        Assert.Equal(expected, larger[..written]);
        Assert.All(larger[written..], b => Assert.Equal(0xA5, b));
        Assert.False(key.TryExport(KeyBlobFormat.RawPrivateKey, new byte[expected.Length - 1], out written));
        Assert.Equal(0, written);
        Assert.Equal("format", Assert.Throws<ArgumentException>(() => key.TryExport(KeyBlobFormat.Pkcs8PrivateKey, new byte[256], out _)).ParamName);
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.TryExport(KeyBlobFormat.RawPrivateKey, new byte[64], out _));
    }

    [Theory]
    [MemberData(nameof(Registry.AllAeadLabels), MemberType = typeof(Registry))]
    public void Aead_TryDecrypt_RoundTrips_AndATamperedMessageIsFalseWithTheDestinationCleared(string label)
    {
        AeadAlgorithm algorithm = Registry.Aead(label);
        AeadKey key = Registry.SharedKey(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        byte[] sealedMessage = key.Encrypt(nonce, Message, AssociatedData);

        Assert.True(key.TryDecrypt(nonce, sealedMessage, AssociatedData, out byte[]? plaintext));
        Assert.Equal(Message, plaintext);
        byte[] destination = new byte[Message.Length + 7];
        Assert.True(key.TryDecrypt(nonce, sealedMessage, AssociatedData, destination, out int written));
        Assert.Equal(Message, destination[..written]);

        byte[] tampered = (byte[])sealedMessage.Clone();
        tampered[^1] ^= 1;
        Assert.False(key.TryDecrypt(nonce, tampered, AssociatedData, out plaintext));
        Assert.Null(plaintext);
        destination.AsSpan().Fill(0xA5);
        Assert.False(key.TryDecrypt(nonce, tampered, AssociatedData, destination, out written));
        Assert.Equal(0, written);
        Assert.All(destination[..Message.Length], b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(Registry.AllAeadLabels), MemberType = typeof(Registry))]
    public void Aead_TryDecrypt_TooSmall_Overlapping_Disposed_AndGarbage(string label)
    {
        AeadAlgorithm algorithm = Registry.Aead(label);
        AeadKey shared = Registry.SharedKey(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        byte[] sealedMessage = shared.Encrypt(nonce, Message, AssociatedData);
        Assert.Equal("plaintext", Assert.Throws<ArgumentException>(() => shared.TryDecrypt(nonce, sealedMessage, AssociatedData, new byte[Message.Length - 1], out _)).ParamName);
        byte[] buffer = new byte[sealedMessage.Length + 1];
        sealedMessage.CopyTo(buffer, 0);
        Assert.Equal("plaintext", Assert.Throws<ArgumentException>(() => shared.TryDecrypt(nonce, buffer.AsSpan(0, sealedMessage.Length), AssociatedData, buffer.AsSpan(1), out _)).ParamName);

        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), (byte[] garbage) =>
        {
            Assert.False(shared.TryDecrypt(nonce, garbage ?? Array.Empty<byte>(), AssociatedData, out byte[]? p));
            Assert.Null(p);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));

        AeadKey key = AeadKey.Import(algorithm, shared.Export(KeyBlobFormat.RawPrivateKey), KeyBlobFormat.RawPrivateKey);
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.TryDecrypt(nonce, sealedMessage, AssociatedData, out _));
        Assert.Throws<ObjectDisposedException>(() => key.TryDecrypt(nonce, sealedMessage, AssociatedData, new byte[Message.Length], out _));
    }

    [Theory]
    [MemberData(nameof(Registry.AllAeadLabels), MemberType = typeof(Registry))]
    public void Aead_Encrypt_IntoALargerDestination_WritesFromTheStart_AndReturnsTheLength(string label)
    {
        AeadAlgorithm algorithm = Registry.Aead(label);
        AeadKey key = Registry.SharedKey(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        byte[] destination = Enumerable.Repeat((byte)0xA5, Message.Length + algorithm.TagSize + 9).ToArray();
        int written = key.Encrypt(nonce, Message, AssociatedData, destination);
        Assert.Equal(key.Encrypt(nonce, Message, AssociatedData), destination[..written]);
        Assert.All(destination[written..], b => Assert.Equal(0xA5, b));
    }

    [Theory]
    [MemberData(nameof(Registry.KemNames), MemberType = typeof(Registry))]
    public void Kem_Decapsulate_IntoALargerDestination_WritesFromTheStart_AndReturnsTheLength(string name)
    {
        KemAlgorithm algorithm = Registry.Kem(name);
        DecapsulationKey key = Registry.SharedKey(algorithm);
        byte[] ciphertext = key.EncapsulationKey.Encapsulate(out byte[] secret);
        byte[] destination = Enumerable.Repeat((byte)0xA5, algorithm.SharedSecretSize + 9).ToArray();
        int written = key.Decapsulate(ciphertext, destination);
        Assert.Equal(secret, destination[..written]);
        Assert.All(destination[written..], b => Assert.Equal(0xA5, b));
    }

    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void Agree_IntoALargerDestination_WritesFromTheStart_AndReturnsTheLength(string name)
    {
        KeyAgreementAlgorithm algorithm = Registry.KeyAgreement(name);
        KeyAgreementKey key = Registry.SharedKey(algorithm);
        byte[] destination = Enumerable.Repeat((byte)0xA5, algorithm.SharedSecretSize + 9).ToArray();
        int written = key.Agree(key.PublicKey, destination);
        Assert.Equal(key.Agree(key.PublicKey), destination[..written]);
        Assert.All(destination[written..], b => Assert.Equal(0xA5, b));
    }
}
