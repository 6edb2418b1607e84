using System;
using System.Text;
using FintechCrypto.Internal.Encodings;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Curve25519;

/// <summary>
/// Issue 11, defect 5: an Ed25519 public key A of small order ([8]A = identity) made one signature valid for every
/// message (the identity key with R = identity, S = 0). Such keys are refused at import in every format, as
/// libsodium's crypto_sign_verify refuses them (ge25519_has_small_order); non-canonical encodings of the same points
/// are refused by RFC 8032 §5.1.3 decoding; every key a seed gives still imports.
/// </summary>
public sealed class Ed25519SmallOrderKeyTests
{
    private static readonly KeyBlobFormat[] PublicFormats = [KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo];

    /// <summary>The identity point, canonically encoded (y = 1, x = 0).</summary>
    private const string Identity = "0100000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The canonical encodings of the 8 points of small order of edwards25519 (the order of each in the comment),
    /// the list libsodium's ge25519_has_small_order compares against, reduced to canonical y.
    /// </summary>
    internal static readonly string[] s_smallOrderCanonical =
    [
        Identity, // order 1
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2: y = p - 1, x = 0
        "0000000000000000000000000000000000000000000000000000000000000000", // order 4: y = 0, x = +sqrt(-1)
        "0000000000000000000000000000000000000000000000000000000000000080", // order 4: y = 0, x = -sqrt(-1)
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
    ];

    public static TheoryData<string> SmallOrderCanonical => new(s_smallOrderCanonical);

    /// <summary>
    /// Non-canonical encodings of small-order points: x = 0 with the sign bit set (RFC 8032 §5.1.3 step 4) and
    /// y >= p (step 1; only y = p and y = p + 1 fit in 255 bits, i.e. y = 0 and y = 1), with either sign bit.
    /// </summary>
    public static TheoryData<string> SmallOrderNonCanonical => new()
    {
        "0100000000000000000000000000000000000000000000000000000000000080", // identity, "-0"
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // order 2, "-0"
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p (= 0): order 4
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // y = p (= 0), sign set: order 4
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1 (= 1): identity
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // y = p + 1 (= 1), sign set
    };

    /// <summary>The issue's reproduction: the identity key and the signature R = identity, S = 0.</summary>
    [Fact]
    public void IdentityKey_FromTheIssue_IsRefusedInEveryFormat()
    {
        byte[] identity = Hex.Decode(Identity);
        byte[] forged = [.. identity, .. new byte[32]]; // R = identity, S = 0: it verified "pay 1" and "pay 1000000"
        foreach (KeyBlobFormat format in PublicFormats)
        {
            byte[] blob = Encode(identity, format);
            InvalidKeyEncodingException e = Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, blob, format));
            Assert.Contains("small order", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Identity, e.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        // The forged signature verifies nothing under a genuine key either.
        using SigningKey genuine = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        Assert.False(genuine.PublicKey.Verify(Encoding.UTF8.GetBytes("pay 1"), forged));
        Assert.False(genuine.PublicKey.Verify(Encoding.UTF8.GetBytes("pay 1000000"), forged));
    }

    [Theory]
    [MemberData(nameof(SmallOrderCanonical))]
    public void SmallOrderKey_IsRefusedInEveryFormat(string hex)
    {
        byte[] key = Hex.Decode(hex);
        foreach (KeyBlobFormat format in PublicFormats)
        {
            byte[] blob = Encode(key, format);
            InvalidKeyEncodingException e = Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, blob, format));
            Assert.Contains("small order", e.Message, StringComparison.Ordinal);
            Assert.Null(e.InnerException);
            Assert.DoesNotContain(hex, e.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(SmallOrderNonCanonical))]
    public void NonCanonicalEncodingOfASmallOrderPoint_IsRefusedInEveryFormat(string hex)
    {
        byte[] key = Hex.Decode(hex);
        foreach (KeyBlobFormat format in PublicFormats)
        {
            byte[] blob = Encode(key, format);
            InvalidKeyEncodingException e = Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, blob, format));
            Assert.DoesNotContain(hex, e.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The internal check agrees with the definition: [8]A is the identity exactly for the 8 listed points; a key a
    /// seed gives, and a key plus a torsion point (mixed order, which libsodium's verify also accepts), are not small.
    /// </summary>
    [Fact]
    public void HasSmallOrder_HoldsForExactlyTheEightPoints()
    {
        foreach (string hex in s_smallOrderCanonical)
        {
            Assert.True(Internal.Curve25519.EdwardsEncoding.TryDecompress(Hex.Decode(hex), out Internal.Curve25519.ExtendedPoint point));
            Assert.True(Internal.Curve25519.Ed25519Core.HasSmallOrderVartime(point), hex);
        }

        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        Assert.True(Internal.Curve25519.EdwardsEncoding.TryDecompress(key.PublicKey.Export(KeyBlobFormat.RawPublicKey), out Internal.Curve25519.ExtendedPoint a));
        Assert.False(Internal.Curve25519.Ed25519Core.HasSmallOrderVartime(a));
        Assert.True(Internal.Curve25519.EdwardsEncoding.TryDecompress(Hex.Decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), out Internal.Curve25519.ExtendedPoint t8));
        Assert.False(Internal.Curve25519.Ed25519Core.HasSmallOrderVartime(Internal.Curve25519.EdwardsArithmetic.Add(a, t8)));
    }

    /// <summary>Every key an RFC 8032 §5.1.5 seed gives still imports in every format and verifies its signatures.</summary>
    [Property(MaxTest = 100)]
    public void RandomValidKeys_StillImport(byte[] entropy)
    {
        byte[] seed = System.Security.Cryptography.SHA256.HashData(entropy ?? []); // any 32 bytes are a seed
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.PrivateKeySeed);
        byte[] message = Encoding.UTF8.GetBytes("pay 1");
        byte[] signature = key.Sign(message);
        foreach (KeyBlobFormat format in PublicFormats)
        {
            using VerificationKey imported = VerificationKey.Import(SignatureAlgorithm.Ed25519, key.PublicKey.Export(format), format);
            Assert.True(imported.Verify(message, signature));
            Assert.False(imported.Verify(Encoding.UTF8.GetBytes("pay 1000000"), signature));
        }
    }

    private static byte[] Encode(byte[] raw, KeyBlobFormat format) => format switch
    {
        KeyBlobFormat.RawPublicKey => raw,
        KeyBlobFormat.SubjectPublicKeyInfo => KeyBlobs.WriteSubjectPublicKeyInfo(Oids.Ed25519, null, raw),
        _ => KeyBlobs.ToPem(KeyBlobs.PemPublicKeyLabel, KeyBlobs.WriteSubjectPublicKeyInfo(Oids.Ed25519, null, raw)),
    };
}
