// Both directions per algorithm: signatures of the library verify under OpenSSL 3, and OpenSSL's signatures
// verify under the library, with keys exchanged as PKCS#8 / SubjectPublicKeyInfo PEM (RFC 7468).
// Ed25519: RFC 8032 PureEdDSA (`openssl pkeyutl -rawin`). ECDSA P-256 with SHA-256: X9.62 DER signatures for
// OpenSSL, converted from and to IEEE P1363 r || s. RSASSA-PSS (RFC 8017 §8.1): SHA-256, MGF1-SHA-256, salt 32.

using System;
using System.Formats.Asn1;
using System.Numerics;
using System.Text;
using Xunit;

namespace FintechCrypto.Tests.Interop;

public sealed class OpenSslInteropTests
{
    private static readonly byte[] s_message = Encoding.UTF8.GetBytes(
        "<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>INTEROP-1</MsgId></GrpHdr>" +
        "<PmtInf><InstdAmt Ccy=\"EUR\">100.00</InstdAmt></PmtInf></CstmrCdtTrfInitn></Document>");

    private static readonly string[] s_pssOptions =
    [
        "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256",
    ];

    // ---- Ed25519 ----

    [Fact]
    public void Ed25519_LibrarySignature_VerifiesUnderOpenSsl()
    {
        using var ossl = new OpenSsl();
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        ossl.Write("pub.pem", key.PublicKey.Export(KeyBlobFormat.PemSubjectPublicKeyInfo));
        ossl.Write("msg.bin", s_message);
        ossl.Write("sig.bin", key.Sign(s_message));

        string output = ossl.Ok("pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg.bin", "-sigfile", "sig.bin");
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
        AssertOpenSslRejects(ossl, "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "tampered.bin", "-sigfile", "sig.bin");

        // OpenSSL reads the library's private key, and Ed25519 being deterministic, signs identically.
        ossl.Write("key.pem", key.Export(KeyBlobFormat.PemPkcs8PrivateKey));
        ossl.Ok("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "msg.bin", "-out", "ossl-sig.bin");
        Assert.Equal(ossl.Read("sig.bin"), ossl.Read("ossl-sig.bin"));
    }

    [Fact]
    public void Ed25519_OpenSslSignature_VerifiesUnderLibrary()
    {
        using var ossl = new OpenSsl();
        ossl.Ok("genpkey", "-algorithm", "ed25519", "-out", "key.pem");
        ossl.Ok("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        ossl.Write("msg.bin", s_message);
        ossl.Ok("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "msg.bin", "-out", "sig.bin");
        byte[] signature = ossl.Read("sig.bin");

        using VerificationKey pk = VerificationKey.Import(SignatureAlgorithm.Ed25519, ossl.Read("pub.pem"), KeyBlobFormat.PemSubjectPublicKeyInfo);
        Assert.True(pk.Verify(s_message, signature));
        Assert.False(pk.Verify(Tamper(s_message), signature));

        using SigningKey sk = SigningKey.Import(SignatureAlgorithm.Ed25519, ossl.Read("key.pem"), KeyBlobFormat.PemPkcs8PrivateKey);
        Assert.Equal(signature, sk.Sign(s_message));
    }

    // ---- ECDSA P-256 SHA-256 ----

    [Fact]
    public void Ecdsa_LibrarySignature_VerifiesUnderOpenSsl()
    {
        using var ossl = new OpenSsl();
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.EcdsaP256Sha256);
        ossl.Write("pub.pem", key.PublicKey.Export(KeyBlobFormat.PemSubjectPublicKeyInfo));
        ossl.Write("msg.bin", s_message);

        foreach (SigningMode mode in new[] { SigningMode.Default, SigningMode.Deterministic })
        {
            // IEEE P1363 r || s, converted to DER for OpenSSL.
            byte[] p1363 = key.Sign(s_message, mode);
            Assert.Equal(64, p1363.Length);
            ossl.Write("sig.der", P1363ToDer(p1363));
            Assert.Contains("Verified OK", ossl.Ok("dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", "msg.bin"), StringComparison.Ordinal);
            AssertOpenSslRejects(ossl, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", "tampered.bin");
        }

        // The DER parameter set signs directly in OpenSSL's format.
        using SigningKey derKey = SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256Der, key.Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey);
        ossl.Write("sig2.der", derKey.Sign(s_message));
        ossl.Ok("dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig2.der", "msg.bin");
    }

    [Fact]
    public void Ecdsa_OpenSslSignature_VerifiesUnderLibrary()
    {
        using var ossl = new OpenSsl();
        ossl.Ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
        ossl.Ok("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        ossl.Write("msg.bin", s_message);
        ossl.Ok("dgst", "-sha256", "-sign", "key.pem", "-out", "sig.der", "msg.bin");
        byte[] der = ossl.Read("sig.der");

        using VerificationKey pk = VerificationKey.Import(SignatureAlgorithm.EcdsaP256Sha256, ossl.Read("pub.pem"), KeyBlobFormat.PemSubjectPublicKeyInfo);
        Assert.True(pk.Verify(s_message, DerToP1363(der)));
        Assert.False(pk.Verify(Tamper(s_message), DerToP1363(der)));

        using VerificationKey pkDer = VerificationKey.Import(SignatureAlgorithm.EcdsaP256Sha256Der, ossl.Read("pub.pem"), KeyBlobFormat.PemSubjectPublicKeyInfo);
        Assert.True(pkDer.Verify(s_message, der));

        // The library reads OpenSSL's private key; OpenSSL verifies what the library signs with it.
        using SigningKey sk = SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256, ossl.Read("key.pem"), KeyBlobFormat.PemPkcs8PrivateKey);
        ossl.Write("lib.der", P1363ToDer(sk.Sign(s_message, SigningMode.Deterministic)));
        ossl.Ok("dgst", "-sha256", "-verify", "pub.pem", "-signature", "lib.der", "msg.bin");
    }

    // ---- RSASSA-PSS SHA-256, MGF1-SHA-256, salt 32 ----

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    public void RsaPss_LibrarySignature_VerifiesUnderOpenSsl(int bits)
    {
        SignatureAlgorithm alg = RsaPss(bits);
        using var ossl = new OpenSsl();
        using SigningKey key = SigningKey.Generate(alg);
        ossl.Write("pub.pem", key.PublicKey.Export(KeyBlobFormat.PemSubjectPublicKeyInfo));
        ossl.Write("msg.bin", s_message);
        ossl.Write("sig.bin", key.Sign(s_message));

        Assert.Contains("Verified OK", ossl.Ok([.. Dgst("-verify", "pub.pem"), "-signature", "sig.bin", "msg.bin"]), StringComparison.Ordinal);
        AssertOpenSslRejects(ossl, [.. Dgst("-verify", "pub.pem"), "-signature", "sig.bin", "tampered.bin"]);

        // The salt length is really 32: OpenSSL insists on it when told so, and refuses 20.
        (int code, _) = ossl.Run("dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:20", "-sigopt", "rsa_mgf1_md:sha256", "-verify", "pub.pem", "-signature", "sig.bin", "msg.bin");
        Assert.NotEqual(0, code);
    }

    [Theory]
    [InlineData(2048, "RSA")]
    [InlineData(3072, "RSA")]
    [InlineData(2048, "RSA-PSS")] // id-RSASSA-PSS keys (RFC 4055), accepted on input
    public void RsaPss_OpenSslSignature_VerifiesUnderLibrary(int bits, string opensslAlgorithm)
    {
        SignatureAlgorithm alg = RsaPss(bits);
        using var ossl = new OpenSsl();
        ossl.Ok("genpkey", "-algorithm", opensslAlgorithm, "-pkeyopt", $"rsa_keygen_bits:{bits}", "-out", "key.pem");
        ossl.Ok("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        ossl.Write("msg.bin", s_message);
        ossl.Ok([.. Dgst("-sign", "key.pem"), "-out", "sig.bin", "msg.bin"]);
        byte[] signature = ossl.Read("sig.bin");
        Assert.Equal(bits / 8, signature.Length);

        using VerificationKey pk = VerificationKey.Import(alg, ossl.Read("pub.pem"), KeyBlobFormat.PemSubjectPublicKeyInfo);
        Assert.True(pk.Verify(s_message, signature));
        Assert.False(pk.Verify(Tamper(s_message), signature));

        using SigningKey sk = SigningKey.Import(alg, ossl.Read("key.pem"), KeyBlobFormat.PemPkcs8PrivateKey);
        ossl.Write("lib.bin", sk.Sign(s_message));
        ossl.Ok([.. Dgst("-verify", "pub.pem"), "-signature", "lib.bin", "msg.bin"]);
    }

    private static SignatureAlgorithm RsaPss(int bits) => bits switch
    {
        2048 => SignatureAlgorithm.RsaPss2048Sha256,
        3072 => SignatureAlgorithm.RsaPss3072Sha256,
        _ => throw new ArgumentOutOfRangeException(nameof(bits)),
    };

    private static string[] Dgst(string operation, string keyFile) =>
        ["dgst", "-sha256", .. s_pssOptions, operation, keyFile];

    /// <summary>Writes tampered.bin (the message with one bit changed) and asserts OpenSSL's verify fails on it.</summary>
    private static void AssertOpenSslRejects(OpenSsl ossl, params string[] args)
    {
        ossl.Write("tampered.bin", Tamper(s_message));
        (int code, string output) = ossl.Run(args);
        Assert.True(code != 0, $"OpenSSL accepted a signature on a changed message: {output}");
    }

    private static byte[] Tamper(byte[] data)
    {
        byte[] copy = (byte[])data.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }

    /// <summary>IEEE P1363 r || s to the DER Ecdsa-Sig-Value of RFC 3279 §2.2.3.</summary>
    internal static byte[] P1363ToDer(byte[] p1363)
    {
        int half = p1363.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(new BigInteger(p1363.AsSpan(0, half), isUnsigned: true, isBigEndian: true));
            writer.WriteInteger(new BigInteger(p1363.AsSpan(half), isUnsigned: true, isBigEndian: true));
        }

        return writer.Encode();
    }

    /// <summary>The DER Ecdsa-Sig-Value to IEEE P1363 r || s, 32 bytes each for P-256.</summary>
    internal static byte[] DerToP1363(byte[] der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        AsnReader seq = reader.ReadSequence();
        BigInteger r = seq.ReadInteger();
        BigInteger s = seq.ReadInteger();
        seq.ThrowIfNotEmpty();
        reader.ThrowIfNotEmpty();
        byte[] result = new byte[64];
        WriteFixed(r, result.AsSpan(0, 32));
        WriteFixed(s, result.AsSpan(32, 32));
        return result;
    }

    private static void WriteFixed(BigInteger value, Span<byte> destination)
    {
        Assert.True(value.Sign > 0);
        int length = value.GetByteCount(isUnsigned: true);
        Assert.True(length <= destination.Length);
        Assert.True(value.TryWriteBytes(destination[(destination.Length - length)..], out _, isUnsigned: true, isBigEndian: true));
    }
}
