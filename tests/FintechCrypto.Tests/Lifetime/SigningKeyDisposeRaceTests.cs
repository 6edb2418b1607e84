// SigningKey used while it is disposed (issue 11 defect 4): a signature made while another thread disposes the key
// is the real key's signature or ObjectDisposedException, for our own backends (pinned secrets cleared on Dispose) and
// the OS-backed ones (ECDsa and RSA objects disposed under a running operation), never a signature under cleared
// bytes, a partial result or another exception type.

using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class SigningKeyDisposeRaceTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("pacs.008: pay EUR 1,000,000.00 to DE89 3704 0044 0532 0130 00");
    private static readonly ConcurrentDictionary<string, byte[]> s_pkcs8 = new();

    /// <summary>Algorithm name and mode; deterministic results are compared byte for byte, randomized ones verified.</summary>
    public static TheoryData<string, SigningMode> Cases => new()
    {
        { "Ed25519", SigningMode.Default },
        { "ML-DSA-44", SigningMode.Deterministic },
        { "ML-DSA-65", SigningMode.Default },
        { "ML-DSA-87", SigningMode.Deterministic },
        { "SLH-DSA-SHA2-128f", SigningMode.Deterministic },
        { "ECDSA-P256-SHA256", SigningMode.Deterministic },  // RFC 6979 k, from the OS key's exported D
        { "ECDSA-P256-SHA256", SigningMode.Default },        // the OS ECDsa object
        { "ECDSA-P256-SHA256-DER", SigningMode.Default },
        { "RSA-PSS-2048-SHA256", SigningMode.Default },      // the OS RSA object
        { "RSA-PSS-2048-SHA384-MGF1-SHA256-SALT20", SigningMode.Default }, // BouncyCastle over the OS key's parameters
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_DisposedBetweenItsCheckAndTheKeyRead_SignsWithTheRealKey(string name, SigningMode mode)
    {
        SignatureAlgorithm algorithm = Algorithm(name);
        using VerificationKey verifier = Verifier(algorithm);
        byte[]? expected = Deterministic(algorithm, mode) ? SignWithCopy(algorithm, mode) : null;

        SigningKey key = Import(algorithm);
        byte[] signature;
        using (var armed = DisposeDuringUse.Arm(key))
        {
            signature = key.Sign(Message, mode);
            Assert.True(armed.Fired);
        }

        // The lease was taken before Dispose, so signing finished on the real key; the key is cleared after it.
        Assert.True(verifier.Verify(Message, signature));
        if (expected is not null)
        {
            Assert.Equal(expected, signature);
        }

        Assert.Throws<ObjectDisposedException>(() => key.Sign(Message, mode));
    }

    [Theory]
    [InlineData("ML-DSA-44")]
    [InlineData("SLH-DSA-SHA2-128f")]
    public void SignPreHash_DisposedBetweenItsCheckAndTheKeyRead_SignsWithTheRealKey(string name)
    {
        SignatureAlgorithm algorithm = Algorithm(name);
        byte[] hash = SHA256.HashData(Message);
        byte[] expected = new byte[algorithm.SignatureSize];
        using (SigningKey copy = Import(algorithm))
        {
            copy.SignPreHash(hash, HashAlgorithmName.SHA256, expected, default, SigningMode.Deterministic);
        }

        SigningKey key = Import(algorithm);
        byte[] signature = new byte[algorithm.SignatureSize];
        using (var armed = DisposeDuringUse.Arm(key))
        {
            key.SignPreHash(hash, HashAlgorithmName.SHA256, signature, default, SigningMode.Deterministic);
            Assert.True(armed.Fired);
        }

        Assert.Equal(expected, signature);
    }

    [Theory]
    [InlineData("Ed25519")]
    [InlineData("ECDSA-P256-SHA256")]
    [InlineData("RSA-PSS-2048-SHA256")]
    [InlineData("ML-DSA-44")]
    public void Export_DisposedBetweenItsCheckAndTheKeyRead_ExportsTheRealKey(string name)
    {
        SignatureAlgorithm algorithm = Algorithm(name);
        byte[] pkcs8 = Pkcs8(algorithm);
        SigningKey key = Import(algorithm);
        using (var armed = DisposeDuringUse.Arm(key))
        {
            byte[] exported = key.Export(KeyBlobFormat.Pkcs8PrivateKey);
            Assert.True(armed.Fired);
            using SigningKey reimported = SigningKey.Import(algorithm, exported, KeyBlobFormat.Pkcs8PrivateKey);
            Assert.Equal(SubjectPublicKeyInfo(pkcs8, algorithm), reimported.Export(KeyBlobFormat.SubjectPublicKeyInfo));
        }

        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.Pkcs8PrivateKey));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SignOnManyThreads_RacingDispose_EitherSignsWithTheRealKeyOrThrowsObjectDisposed(string name, SigningMode mode)
    {
        SignatureAlgorithm algorithm = Algorithm(name);
        using VerificationKey verifier = Verifier(algorithm);
        byte[]? expected = Deterministic(algorithm, mode) ? SignWithCopy(algorithm, mode) : null;
        bool slow = name.StartsWith("SLH-DSA", StringComparison.Ordinal) || name.StartsWith("RSA", StringComparison.Ordinal);
        DisposeRace.Run(
            rounds: slow ? 3 : 8,
            workers: 3,
            () => Import(algorithm),
            key => key.Sign(Message, mode),
            signature =>
            {
                if (expected is not null)
                {
                    return signature.AsSpan().SequenceEqual(expected);
                }

                lock (verifier)
                {
                    return verifier.Verify(Message, signature);
                }
            },
            maxOperationsPerWorker: slow ? 3 : 50);
    }

    private static SignatureAlgorithm Algorithm(string name) =>
        name == "RSA-PSS-2048-SHA384-MGF1-SHA256-SALT20"
            ? SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA384, HashAlgorithmName.SHA256, 20)
            : SignatureAlgorithm.FromName(name);

    private static bool Deterministic(SignatureAlgorithm algorithm, SigningMode mode) =>
        mode == SigningMode.Deterministic || algorithm.Name == "Ed25519";

    /// <summary>One generated key per algorithm (RSA generation is slow), imported afresh for every test key.</summary>
    private static byte[] Pkcs8(SignatureAlgorithm algorithm) => s_pkcs8.GetOrAdd(algorithm.Name, _ =>
    {
        using SigningKey generated = SigningKey.Generate(algorithm);
        return generated.Export(KeyBlobFormat.Pkcs8PrivateKey);
    });

    private static SigningKey Import(SignatureAlgorithm algorithm) => SigningKey.Import(algorithm, Pkcs8(algorithm), KeyBlobFormat.Pkcs8PrivateKey);

    private static byte[] SubjectPublicKeyInfo(byte[] pkcs8, SignatureAlgorithm algorithm)
    {
        using SigningKey key = SigningKey.Import(algorithm, pkcs8, KeyBlobFormat.Pkcs8PrivateKey);
        return key.Export(KeyBlobFormat.SubjectPublicKeyInfo);
    }

    private static VerificationKey Verifier(SignatureAlgorithm algorithm) =>
        VerificationKey.Import(algorithm, SubjectPublicKeyInfo(Pkcs8(algorithm), algorithm), KeyBlobFormat.SubjectPublicKeyInfo);

    private static byte[] SignWithCopy(SignatureAlgorithm algorithm, SigningMode mode)
    {
        using SigningKey copy = Import(algorithm);
        return copy.Sign(Message, mode);
    }
}
