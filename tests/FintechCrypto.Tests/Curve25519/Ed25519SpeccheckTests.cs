// The 12 edge cases of "Taming the many EdDSAs" (Chalkias, Garillot, Nikolaenko 2020; novifinancial/ed25519-speccheck,
// ../shared/vectors/eddsa-speccheck/cases.json): small- and mixed-order A and R, non-canonical encodings, S out of
// range. Our rule (docs/algorithms.md, Ed25519; issue 13): RFC 8032 §5.1.7's cofactored equation with S < L and
// canonical A and R, plus small-order public keys refused at import (issue 11, defect 5). BouncyCastle 2.x checks the
// same equation and is the independent verifier of every key that imports; OpenSSL (`openssl pkeyutl -verify -rawin`)
// checks the cofactorless one and agrees on every case but 4 and 5, the two that tell the equations apart. Batch
// verification answers as the single verification on every case (Ed25519BatchVerificationTests).

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using FintechCrypto.Testing;
using Xunit;
using FintechCrypto.Tests.Interop;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace FintechCrypto.Tests.Curve25519;

[Trait("Category", "KnownAnswer")]
public sealed class Ed25519SpeccheckTests
{
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;

    /// <summary>The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), before the 32 key bytes.</summary>
    private static readonly byte[] SpkiPrefix = Convert.FromHexString("302a300506032b6570032100");

    private static List<(byte[] Message, byte[] PublicKey, byte[] Signature)> Cases()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(VectorFiles.Resolve("eddsa-speccheck/cases.json")));
        return [.. doc.RootElement.EnumerateArray().Select(c => (
            Convert.FromHexString(c.GetProperty("message").GetString()!),
            Convert.FromHexString(c.GetProperty("pub_key").GetString()!),
            Convert.FromHexString(c.GetProperty("signature").GetString()!)))];
    }

    /// <summary>y of an encoding (RFC 8032 §5.1.3 step 1) is canonical when below p.</summary>
    private static bool IsCanonicalY(byte[] encoded)
    {
        byte[] y = [.. encoded];
        y[31] &= 0x7F;
        return new BigInteger(y, isUnsigned: true, isBigEndian: false) < P;
    }

    private static bool IsSmallOrder(byte[] encoded) =>
        Ed25519SmallOrderKeyTests.s_smallOrderCanonical.Contains(Convert.ToHexStringLower(encoded));

    private static bool OpenSslVerifies(OpenSsl ossl, byte[] publicKey, byte[] message, byte[] signature)
    {
        ossl.Write("pub.der", [.. SpkiPrefix, .. publicKey]);
        ossl.Write("msg.bin", message);
        ossl.Write("sig.bin", signature);
        return ossl.Run("pkeyutl", "-verify", "-pubin", "-inkey", ossl.PathOf("pub.der"), "-keyform", "DER", "-rawin",
            "-in", ossl.PathOf("msg.bin"), "-sigfile", ossl.PathOf("sig.bin")).ExitCode == 0;
    }

    [Fact]
    public void EveryCase_FollowsOurRule_AndAgreesWithOpenSslOnEveryKeyThatImports()
    {
        var cases = Cases();
        Assert.Equal(12, cases.Count);
        using var ossl = new OpenSsl();
        int refusedAsSmallOrder = 0, refusedAsNonCanonical = 0, imported = 0, verified = 0;
        for (int index = 0; index < cases.Count; index++)
        {
            (byte[] message, byte[] publicKey, byte[] signature) = cases[index];
            if (IsSmallOrder(publicKey))
            {
                // Small order: a blocked key, never a verdict on a message (libsodium's crypto_sign_verify rule).
                Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey));
                refusedAsSmallOrder++;
                continue;
            }

            if (!IsCanonicalY(publicKey) || !BcEd25519.ValidatePublicKeyPartial(publicKey, 0))
            {
                // Not a canonical encoding of a curve point (RFC 8032 §5.1.3): no key.
                Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey));
                refusedAsNonCanonical++;
                continue;
            }

            using VerificationKey key = VerificationKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
            bool ours = key.Verify(message, signature);
            bool bouncyCastle = BcEd25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length);
            bool openSsl = OpenSslVerifies(ossl, publicKey, message, signature);
            Assert.True(bouncyCastle == ours, $"case {index}: ours {ours}, BouncyCastle {bouncyCastle}");
            Assert.True(index is 4 or 5 ? openSsl != ours : openSsl == ours, $"case {index}: ours {ours}, OpenSSL {openSsl}");
            imported++;
            verified += ours ? 1 : 0;
        }

        // The set: cases 0-1 carry the order-8 key c7176a…fa; 10-11 non-canonical encodings of small-order points;
        // the other eight import, and of those 2-5 (mixed-order A or R) meet the cofactored equation, 4 and 5 failing
        // the cofactorless one (a torsion component of A survives in [k]A); 6-7 (S >= L) and 8-9 (non-canonical R)
        // fail both.
        Assert.Equal(2, refusedAsSmallOrder);
        Assert.Equal(2, refusedAsNonCanonical);
        Assert.Equal(8, imported);
        Assert.Equal(4, verified);
    }

    [Fact]
    public void TheSmallOrderCases_VerifyUnderOpenSsl_ButTheirKeyNeverImportsHere()
    {
        // Cases 0 and 1: A of order 8; OpenSSL (RFC 8032 as written) accepts both signatures, so such a key, once
        // registered, makes signatures meaningless. Here the key is refused in every public format.
        using var ossl = new OpenSsl();
        foreach ((byte[] message, byte[] publicKey, byte[] signature) in Cases().Take(2))
        {
            Assert.True(IsSmallOrder(publicKey));
            Assert.True(OpenSslVerifies(ossl, publicKey, message, signature));
            Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey));
            Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, [.. SpkiPrefix, .. publicKey], KeyBlobFormat.SubjectPublicKeyInfo));
        }
    }
}
