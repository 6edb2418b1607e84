using System;
using System.Security.Cryptography;
using System.Text;
using FintechCrypto.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Xunit;

namespace FintechCrypto.Tests.SlhDsa;

/// <summary>
/// The API contract of the SLH-DSA parameter sets: names, sizes and OIDs; key formats and their round trips
/// (SPKI and PKCS#8 byte-identical to BouncyCastle's and read by its factories); wrong lengths, long contexts,
/// disposed keys; the FintechCrypto.Testing entry points; and FsCheck garbage fed to every decoder.
/// Most tests import raw 4n-byte keys, which costs nothing (no key generation), so they cover all twelve sets.
/// </summary>
public class SlhDsaContractTests
{
    public static TheoryData<string> AllNames => SlhDsaSets.All;

    [Theory]
    [InlineData("SLH-DSA-SHA2-128s", 16, 7856, "2.16.840.1.101.3.4.3.20")]
    [InlineData("SLH-DSA-SHA2-128f", 16, 17088, "2.16.840.1.101.3.4.3.21")]
    [InlineData("SLH-DSA-SHA2-192s", 24, 16224, "2.16.840.1.101.3.4.3.22")]
    [InlineData("SLH-DSA-SHA2-192f", 24, 35664, "2.16.840.1.101.3.4.3.23")]
    [InlineData("SLH-DSA-SHA2-256s", 32, 29792, "2.16.840.1.101.3.4.3.24")]
    [InlineData("SLH-DSA-SHA2-256f", 32, 49856, "2.16.840.1.101.3.4.3.25")]
    [InlineData("SLH-DSA-SHAKE-128s", 16, 7856, "2.16.840.1.101.3.4.3.26")]
    [InlineData("SLH-DSA-SHAKE-128f", 16, 17088, "2.16.840.1.101.3.4.3.27")]
    [InlineData("SLH-DSA-SHAKE-192s", 24, 16224, "2.16.840.1.101.3.4.3.28")]
    [InlineData("SLH-DSA-SHAKE-192f", 24, 35664, "2.16.840.1.101.3.4.3.29")]
    [InlineData("SLH-DSA-SHAKE-256s", 32, 29792, "2.16.840.1.101.3.4.3.30")]
    [InlineData("SLH-DSA-SHAKE-256f", 32, 49856, "2.16.840.1.101.3.4.3.31")]
    public void Sizes_Names_AndOids_FollowFips205Table2(string name, int n, int signatureSize, string oid)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        Assert.Equal(name, algorithm.Name);
        Assert.Same(algorithm, SignatureAlgorithm.FromName(name));
        Assert.Equal(signatureSize, algorithm.SignatureSize);
        Assert.Equal(3 * n, algorithm.SeedSize);
        Assert.True(algorithm.SupportsContext && algorithm.SupportsPreHash && algorithm.SupportsSeed);
        Assert.Equal(255, algorithm.MaxContextSize);
        Assert.Equal(oid, ((FintechCrypto.Internal.SlhDsa.SlhDsaAlgorithm)algorithm).Parameters.Oid);

        // (Formats_RoundTrip_AndMatchBouncyCastle checks the OID inside BouncyCastle's SPKI encoding.)
        using SigningKey key = SigningKey.Import(algorithm, RandomNumberGenerator.GetBytes(4 * n), KeyBlobFormat.RawPrivateKey);
        Assert.Equal(signatureSize, key.SignatureSize);
        Assert.Equal(2 * n, key.PublicKey.Export(KeyBlobFormat.RawPublicKey).Length);
    }

    [Fact]
    public void StaticProperties_AreTheNamedSets()
    {
        Assert.Equal("SLH-DSA-SHA2-128s", SignatureAlgorithm.SlhDsaSha2_128s.Name);
        Assert.Equal("SLH-DSA-SHA2-128f", SignatureAlgorithm.SlhDsaSha2_128f.Name);
        Assert.Equal("SLH-DSA-SHA2-192s", SignatureAlgorithm.SlhDsaSha2_192s.Name);
        Assert.Equal("SLH-DSA-SHA2-192f", SignatureAlgorithm.SlhDsaSha2_192f.Name);
        Assert.Equal("SLH-DSA-SHA2-256s", SignatureAlgorithm.SlhDsaSha2_256s.Name);
        Assert.Equal("SLH-DSA-SHA2-256f", SignatureAlgorithm.SlhDsaSha2_256f.Name);
        Assert.Equal("SLH-DSA-SHAKE-128s", SignatureAlgorithm.SlhDsaShake_128s.Name);
        Assert.Equal("SLH-DSA-SHAKE-128f", SignatureAlgorithm.SlhDsaShake_128f.Name);
        Assert.Equal("SLH-DSA-SHAKE-192s", SignatureAlgorithm.SlhDsaShake_192s.Name);
        Assert.Equal("SLH-DSA-SHAKE-192f", SignatureAlgorithm.SlhDsaShake_192f.Name);
        Assert.Equal("SLH-DSA-SHAKE-256s", SignatureAlgorithm.SlhDsaShake_256s.Name);
        Assert.Equal("SLH-DSA-SHAKE-256f", SignatureAlgorithm.SlhDsaShake_256f.Name);
        Assert.Throws<ArgumentException>(() => SignatureAlgorithm.FromName("SLH-DSA-SHA2-128S"));
        Assert.Throws<ArgumentException>(() => SignatureAlgorithm.FromName("SLH-DSA-SHAKE256-128f"));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Formats_RoundTrip_AndMatchBouncyCastle(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        int n = algorithm.SeedSize / 3;
        byte[] sk = RandomNumberGenerator.GetBytes(4 * n);
        using SigningKey key = SigningKey.Import(algorithm, sk, KeyBlobFormat.RawPrivateKey);
        Assert.Equal(sk, key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Equal(sk[..(3 * n)], key.Export(KeyBlobFormat.PrivateKeySeed));
        Assert.Equal(sk[(2 * n)..], key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        Assert.Equal(sk[(2 * n)..], key.Export(KeyBlobFormat.RawPublicKey));

        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey })
        {
            using SigningKey again = SigningKey.Import(algorithm, key.Export(format), format);
            Assert.Equal(sk, again.Export(KeyBlobFormat.RawPrivateKey));
        }

        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo })
        {
            using VerificationKey again = VerificationKey.Import(algorithm, key.PublicKey.Export(format), format);
            Assert.Equal(sk[(2 * n)..], again.Export(KeyBlobFormat.RawPublicKey));
        }

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", Encoding.ASCII.GetString(key.Export(KeyBlobFormat.PemPkcs8PrivateKey)), StringComparison.Ordinal);

        // RFC 9909: SPKI with id-slh-dsa-* and absent parameters; PKCS#8 privateKey = the raw SK. BouncyCastle writes
        // the same bytes and its factories read ours.
        var bcPrivate = SlhDsaPrivateKeyParameters.FromEncoding(BouncyCastleSlhDsa.Parameters(name), sk);
        byte[] spki = key.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo);
        byte[] pkcs8 = key.Export(KeyBlobFormat.Pkcs8PrivateKey);
        Assert.Equal(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(bcPrivate.GetPublicKey()).GetEncoded(), spki);
        Assert.Equal(PrivateKeyInfoFactory.CreatePrivateKeyInfo(bcPrivate).GetEncoded(), pkcs8);
        AsymmetricKeyParameter readPublic = PublicKeyFactory.CreateKey(spki);
        Assert.Equal(sk[(2 * n)..], ((SlhDsaPublicKeyParameters)readPublic).GetEncoded());
        AsymmetricKeyParameter readPrivate = PrivateKeyFactory.CreateKey(pkcs8);
        Assert.Equal(sk, ((SlhDsaPrivateKeyParameters)readPrivate).GetEncoded());
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void WrongLengthsAndForeignEncodings_AreRefused(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        int n = algorithm.SeedSize / 3;
        foreach (int delta in new[] { -1, 1 })
        {
            Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(algorithm, new byte[(4 * n) + delta], KeyBlobFormat.RawPrivateKey));
            Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(algorithm, new byte[(3 * n) + delta], KeyBlobFormat.PrivateKeySeed));
            Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(algorithm, new byte[(2 * n) + delta], KeyBlobFormat.RawPublicKey));
        }

        Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(algorithm, new byte[4 * n], KeyBlobFormat.PrivateKeySeed));
        Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(algorithm, Array.Empty<byte>(), KeyBlobFormat.SubjectPublicKeyInfo));

        // Another parameter set's SPKI / PKCS#8 (same n, other OID) is refused.
        string other = name.Contains("SHAKE", StringComparison.Ordinal) ? name.Replace("SHAKE", "SHA2", StringComparison.Ordinal) : name.Replace("SHA2", "SHAKE", StringComparison.Ordinal);
        using SigningKey foreign = SigningKey.Import(SignatureAlgorithm.FromName(other), RandomNumberGenerator.GetBytes(4 * n), KeyBlobFormat.RawPrivateKey);
        Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(algorithm, foreign.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo), KeyBlobFormat.SubjectPublicKeyInfo));
        Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(algorithm, foreign.Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey));
    }

    [Fact]
    public void SignAndVerify_ValidateArguments()
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.SlhDsaShake_128f;
        using SigningKey key = SigningKey.Generate(algorithm);
        byte[] message = { 1, 2, 3 };
        byte[] signature = key.Sign(message, new byte[255], SigningMode.Default);
        Assert.True(key.PublicKey.Verify(message, signature, new byte[255]));

        Assert.Throws<ArgumentException>("context", () => key.Sign(message, new byte[256], SigningMode.Default));
        Assert.Throws<ArgumentException>("context", () => key.PublicKey.Verify(message, signature, new byte[256]));
        Assert.Throws<ArgumentException>("mode", () => key.Sign(message, (SigningMode)7));
        Assert.Throws<ArgumentException>("signature", () => key.Sign(message, new byte[algorithm.SignatureSize - 1]));

        // A signature of the wrong length is simply invalid.
        Assert.False(key.PublicKey.Verify(message, signature.AsSpan(1)));
        Assert.False(key.PublicKey.Verify(message, new byte[signature.Length + 1]));
        Assert.False(key.PublicKey.Verify(message, Array.Empty<byte>()));

        // Pre-hash: the hash's length and name are checked.
        byte[] destination = new byte[algorithm.SignatureSize];
        Assert.Throws<ArgumentException>("hash", () => key.SignPreHash(new byte[31], HashAlgorithmName.SHA256, destination));
        Assert.Throws<ArgumentException>("hashAlgorithm", () => key.SignPreHash(new byte[16], HashAlgorithmName.MD5, destination));
        Assert.Throws<ArgumentException>("hash", () => key.PublicKey.VerifyPreHash(new byte[63], HashAlgorithmName.SHA512, signature));

        // The spans overload writes exactly SignatureSize bytes.
        byte[] larger = new byte[algorithm.SignatureSize + 10];
        Assert.Equal(algorithm.SignatureSize, key.Sign(message, larger, default, SigningMode.Deterministic));
        Assert.Equal(key.Sign(message, SigningMode.Deterministic), larger[..algorithm.SignatureSize]);
    }

    [Fact]
    public void DisposedKeys_Throw_AndToStringHidesSecrets()
    {
        byte[] sk = RandomNumberGenerator.GetBytes(64);
        SigningKey key = SigningKey.Import(SignatureAlgorithm.SlhDsaSha2_128f, sk, KeyBlobFormat.RawPrivateKey);
        VerificationKey publicKey = VerificationKey.Import(SignatureAlgorithm.SlhDsaSha2_128f, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey);
        Assert.DoesNotContain(Convert.ToHexString(sk[..16]), key.ToString(), StringComparison.OrdinalIgnoreCase);
        key.Dispose();
        key.Dispose();
        publicKey.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign(new byte[1]));
        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Throws<ObjectDisposedException>(() => key.PublicKey);
        Assert.Throws<ObjectDisposedException>(() => publicKey.Verify(new byte[1], new byte[17088]));
        Assert.Throws<ObjectDisposedException>(() => SignatureTesting.SlhDsaSignInternalForTesting(key, new byte[1], default));
    }

    [Fact]
    public void TestingEntryPoints_CheckTheirArguments()
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.SlhDsaShake_128f;
        byte[] part = new byte[16];
        Assert.Throws<ArgumentException>("skSeed", () => SignatureTesting.SlhDsaKeyGenInternalForTesting(algorithm, new byte[15], part, part));
        Assert.Throws<ArgumentException>("algorithm", () => SignatureTesting.SlhDsaKeyGenInternalForTesting(SignatureAlgorithm.Ed25519, part, part, part));
        using SigningKey key = SignatureTesting.SlhDsaKeyGenInternalForTesting(algorithm, part, part, part);
        Assert.Throws<ArgumentException>("additionalRandomness", () => SignatureTesting.SlhDsaSignInternalForTesting(key, part, new byte[17]));
        using SigningKey ed = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        Assert.Throws<ArgumentException>("key", () => SignatureTesting.SlhDsaSignInternalForTesting(ed, part, default));
        Assert.Throws<ArgumentException>("key", () => SignatureTesting.SlhDsaVerifyInternalForTesting(ed.PublicKey, part, part));

        // slh_sign_internal with opt_rand = PK.seed is the deterministic variant of pure signing on M' = 0 ‖ 0 ‖ M.
        byte[] message = { 9, 8, 7 };
        byte[] mPrime = { 0, 0, 9, 8, 7 };
        byte[] internalSignature = SignatureTesting.SlhDsaSignInternalForTesting(key, mPrime, default);
        Assert.Equal(key.Sign(message, SigningMode.Deterministic), internalSignature);
        Assert.Equal(internalSignature, SignatureTesting.SlhDsaSignInternalForTesting(key, mPrime, key.PublicKey.Export(KeyBlobFormat.RawPublicKey)[..16]));
        Assert.True(SignatureTesting.SlhDsaVerifyInternalForTesting(key.PublicKey, mPrime, internalSignature));
        Assert.False(SignatureTesting.SlhDsaVerifyInternalForTesting(key.PublicKey, message, internalSignature));
    }

    private static readonly Lazy<(SignatureAlgorithm Algorithm, byte[] Pkcs8, byte[] Spki, byte[] Signature, VerificationKey Key)[]> s_valid = new(() =>
    {
        var sets = new[] { SignatureAlgorithm.SlhDsaSha2_128f, SignatureAlgorithm.SlhDsaShake_192f };
        var result = new (SignatureAlgorithm, byte[], byte[], byte[], VerificationKey)[sets.Length];
        for (int i = 0; i < sets.Length; i++)
        {
            using SigningKey key = SigningKey.Generate(sets[i]);
            result[i] = (sets[i], key.Export(KeyBlobFormat.Pkcs8PrivateKey), key.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo),
                key.Sign(new byte[] { 1 }), VerificationKey.Import(sets[i], key.PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey));
        }

        return result;
    });

    [Property(MaxTest = 200)]
    public void Decoders_OnGarbage_SucceedOrThrowOurs(byte[] garbage)
    {
        garbage ??= Array.Empty<byte>();
        foreach ((SignatureAlgorithm algorithm, byte[] pkcs8, byte[] spki, _, _) in s_valid.Value)
        {
            foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPrivateKey, KeyBlobFormat.PrivateKeySeed, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey })
            {
                MustBeOurs(() => SigningKey.Import(algorithm, garbage, format).Dispose());
            }

            foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo })
            {
                MustBeOurs(() => VerificationKey.Import(algorithm, garbage, format).Dispose());
            }

            // Mutated valid encodings: one byte changed, or truncated.
            if (garbage.Length > 0)
            {
                int at = garbage[0] % pkcs8.Length;
                MustBeOurs(() => SigningKey.Import(algorithm, Mutate(pkcs8, at, garbage[^1]), KeyBlobFormat.Pkcs8PrivateKey).Dispose());
                MustBeOurs(() => VerificationKey.Import(algorithm, Mutate(spki, garbage[0] % spki.Length, garbage[^1]), KeyBlobFormat.SubjectPublicKeyInfo).Dispose());
                MustBeOurs(() => SigningKey.Import(algorithm, pkcs8[..at], KeyBlobFormat.Pkcs8PrivateKey).Dispose());
            }
        }
    }

    [Property(MaxTest = 30)]
    public void Verify_OnGarbageSignatures_IsFalse(byte[] garbage, NonNegativeInt offset)
    {
        garbage ??= Array.Empty<byte>();
        foreach ((_, _, _, byte[] signature, VerificationKey key) in s_valid.Value)
        {
            Assert.False(key.Verify(new byte[] { 1 }, garbage));

            // A right-length signature with garbage spliced in.
            byte[] spliced = (byte[])signature.Clone();
            int start = offset.Get % spliced.Length;
            int length = Math.Min(garbage.Length, spliced.Length - start);
            if (length > 0 && !garbage.AsSpan(0, length).SequenceEqual(spliced.AsSpan(start, length)))
            {
                garbage.AsSpan(0, length).CopyTo(spliced.AsSpan(start));
                Assert.False(key.Verify(new byte[] { 1 }, spliced));
            }
        }
    }

    private static byte[] Mutate(byte[] data, int index, byte value)
    {
        byte[] copy = (byte[])data.Clone();
        copy[index] ^= (byte)(value | 1);
        return copy;
    }

    private static void MustBeOurs(Action action)
    {
        try
        {
            action();
        }
        catch (FintechCryptoException)
        {
        }
        catch (ArgumentException)
        {
        }
    }
}
