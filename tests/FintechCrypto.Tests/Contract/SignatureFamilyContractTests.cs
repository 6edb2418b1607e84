using System;
using System.Linq;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FintechCrypto.Tests.Contract;

/// <summary>
/// The signature operations over every signature parameter set (<see cref="Registry.AllSignatureNames"/>): the
/// destination rules, overlap refusals, contexts, and verification that says false, never throws, for any bytes.
/// Signing is done once per parameter set (<see cref="Registry.SharedSignature"/>); the checks that sign again run
/// over SLH-DSA's small sets only in the Slow category, as their signatures take seconds.
/// </summary>
public sealed class SignatureFamilyContractTests
{
    private static readonly byte[] Message = Registry.Message;

    [Theory]
    [MemberData(nameof(Registry.AllSignatureNames), MemberType = typeof(Registry))]
    public void Sign_DestinationTooSmall_IsArgumentExceptionNamingSignature(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        Assert.Equal(algorithm.SignatureSize, key.SignatureSize);
        Assert.Equal("signature", Assert.Throws<ArgumentException>(() => key.Sign(Message, new byte[key.SignatureSize - 1])).ParamName);
        Assert.Equal("signature", Assert.Throws<ArgumentException>(() => key.Sign(Message, Span<byte>.Empty)).ParamName);
        if (algorithm.SupportsPreHash)
        {
            byte[] hash = SHA256.HashData(Message);
            Assert.Equal("signature", Assert.Throws<ArgumentException>(() => key.SignPreHash(hash, HashAlgorithmName.SHA256, new byte[key.SignatureSize - 1])).ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(Registry.AllSignatureNames), MemberType = typeof(Registry))]
    public void Sign_SignatureOverlappingAnInput_IsRefused(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        byte[] buffer = new byte[key.SignatureSize + 64];
        Assert.Equal("signature", Assert.Throws<ArgumentException>(() => key.Sign(buffer.AsSpan(0, 64), buffer.AsSpan(32))).ParamName);
        Assert.Equal("signature", Assert.Throws<ArgumentException>(() => key.Sign(buffer.AsSpan(key.SignatureSize, 64), buffer.AsSpan(0, key.SignatureSize + 1))).ParamName);
        if (algorithm.SupportsContext)
        {
            Assert.Equal("signature", Assert.Throws<ArgumentException>(() => key.Sign(Message, buffer.AsSpan(0, key.SignatureSize), buffer.AsSpan(10, 16))).ParamName);
        }

        if (algorithm.SupportsPreHash)
        {
            Assert.Equal("signature", Assert.Throws<ArgumentException>(() => key.SignPreHash(buffer.AsSpan(0, 32), HashAlgorithmName.SHA256, buffer.AsSpan(16))).ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(Registry.AllSignatureNames), MemberType = typeof(Registry))]
    public void Context_BeyondWhatTheAlgorithmTakes_IsArgumentExceptionForSignAndVerify(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        Assert.Equal(algorithm.SupportsContext ? 255 : 0, algorithm.MaxContextSize);
        byte[] context = new byte[algorithm.MaxContextSize + 1];
        Assert.Equal("context", Assert.Throws<ArgumentException>(() => key.Sign(Message, context, SigningMode.Default)).ParamName);
        Assert.Equal("context", Assert.Throws<ArgumentException>(() => key.PublicKey.Verify(Message, new byte[key.SignatureSize], context)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Registry.AllSignatureNames), MemberType = typeof(Registry))]
    public void Verify_AnyBytes_IsFalseNeverAnException(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        VerificationKey publicKey = Registry.SharedKey(algorithm).PublicKey;
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), (byte[] garbage) =>
        {
            garbage ??= Array.Empty<byte>();
            Assert.False(publicKey.Verify(Message, garbage));
            byte[] sized = new byte[algorithm.SignatureSize];
            garbage.AsSpan(0, Math.Min(garbage.Length, sized.Length)).CopyTo(sized);
            Assert.False(publicKey.Verify(Message, sized));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(15));
    }

    [Theory]
    [MemberData(nameof(Registry.FastSigningNames), MemberType = typeof(Registry))]
    public void Signature_VerifiesUnderEveryPublicEncoding_AndAnyChangeFails(string name) => VerifyEverywhere(name);

    [Theory]
    [MemberData(nameof(Registry.SlowSigningNames), MemberType = typeof(Registry))]
    [Trait("Category", "Slow")]
    public void Signature_VerifiesUnderEveryPublicEncoding_AndAnyChangeFails_SmallSets(string name) => VerifyEverywhere(name);

    [Theory]
    [MemberData(nameof(Registry.FastSigningNames), MemberType = typeof(Registry))]
    public void Sign_IntoALargerDestination_WritesFromTheStart_AndReturnsTheLength(string name) => SignIntoLarger(name);

    [Theory]
    [MemberData(nameof(Registry.SlowSigningNames), MemberType = typeof(Registry))]
    [Trait("Category", "Slow")]
    public void Sign_IntoALargerDestination_WritesFromTheStart_AndReturnsTheLength_SmallSets(string name) => SignIntoLarger(name);

    private static void VerifyEverywhere(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        byte[] signature = Registry.SharedSignature(algorithm);
        Assert.InRange(signature.Length, 1, algorithm.SignatureSize);
        foreach (KeyBlobFormat format in ContractFormats.Public)
        {
            using VerificationKey imported = VerificationKey.Import(algorithm, key.PublicKey.Export(format), format);
            Assert.True(imported.Verify(Message, signature), $"{name}: the signature does not verify under the {format} import");
        }

        byte[] tamperedMessage = (byte[])Message.Clone();
        tamperedMessage[^1] ^= 0x01;
        Assert.False(key.PublicKey.Verify(tamperedMessage, signature));
        foreach (int position in new[] { 0, signature.Length / 2, signature.Length - 1 })
        {
            byte[] tampered = (byte[])signature.Clone();
            tampered[position] ^= 0x40;
            Assert.False(key.PublicKey.Verify(Message, tampered), $"{name}: a signature changed at byte {position} verifies");
        }

        Assert.False(key.PublicKey.Verify(Message, signature.AsSpan(0, signature.Length - 1)));
        Assert.False(key.PublicKey.Verify(Message, signature.Append((byte)0).ToArray()));
        if (algorithm.SupportsContext)
        {
            Assert.False(key.PublicKey.Verify(Message, signature, new byte[] { 1 }));
        }
    }

    private static void SignIntoLarger(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        byte[] destination = new byte[algorithm.SignatureSize + 9];
        destination.AsSpan().Fill(0xA5);
        int written = key.Sign(Message, destination);
        Assert.InRange(written, 1, algorithm.SignatureSize);
        Assert.All(destination[written..], b => Assert.Equal(0xA5, b));
        Assert.True(key.PublicKey.Verify(Message, destination.AsSpan(0, written)));
    }
}
