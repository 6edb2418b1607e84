using System;
using System.Security.Cryptography;
using System.Text;
using FsCheck.Xunit;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Xunit;

namespace FintechCrypto.Tests.Kem;

/// <summary>The DecapsulationKey / EncapsulationKey contract over ML-KEM-512/768/1024 and X-Wing.</summary>
public class KemContractTests
{
    public static TheoryData<string> Names => new() { "ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X-Wing" };

    [Theory]
    [MemberData(nameof(Names))]
    public void RoundTrip_SpanAndArrayForms(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        using DecapsulationKey dk = DecapsulationKey.Generate(algorithm);
        Span<byte> ct = new byte[algorithm.CiphertextSize];
        Span<byte> ss = stackalloc byte[32];
        Span<byte> ss2 = stackalloc byte[32];
        dk.EncapsulationKey.Encapsulate(ct, ss);
        dk.Decapsulate(ct, ss2);
        Assert.True(ss.SequenceEqual(ss2));
        byte[] ct2 = dk.EncapsulationKey.Encapsulate(out byte[] ss3);
        Assert.Equal(ss3, dk.Decapsulate(ct2));
        Assert.NotEqual(ss3, ss.ToArray());
        Assert.Equal(algorithm.EncapsulationKeySize, dk.Export(KeyBlobFormat.RawPublicKey).Length);
        Assert.Equal(algorithm.DecapsulationKeySize, dk.Export(KeyBlobFormat.RawPrivateKey).Length);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TamperedCiphertext_GivesTheImplicitRejectionSecret_NotAnException(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        using DecapsulationKey dk = DecapsulationKey.Generate(algorithm);
        byte[] ct = dk.EncapsulationKey.Encapsulate(out byte[] ss);
        for (int position = 0; position < ct.Length; position += 97)
        {
            byte[] tampered = (byte[])ct.Clone();
            tampered[position] ^= 0x10;
            byte[] rejected = dk.Decapsulate(tampered);
            Assert.NotEqual(ss, rejected);
            Assert.Equal(rejected, dk.Decapsulate(tampered));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WrongLengths_AreArgumentExceptionsNamingTheParameter(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        using DecapsulationKey dk = DecapsulationKey.Generate(algorithm);
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => dk.Decapsulate(new byte[algorithm.CiphertextSize - 1])).ParamName);
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => dk.Decapsulate(new byte[algorithm.CiphertextSize + 1])).ParamName);
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => dk.Decapsulate(new byte[algorithm.CiphertextSize], new byte[31])).ParamName);
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => dk.EncapsulationKey.Encapsulate(new byte[algorithm.CiphertextSize - 1], new byte[32])).ParamName);
        Assert.Throws<InvalidKeyEncodingException>(() => EncapsulationKey.Import(algorithm, new byte[algorithm.EncapsulationKeySize - 1], KeyBlobFormat.RawPublicKey));
        Assert.Throws<InvalidKeyEncodingException>(() => DecapsulationKey.Import(algorithm, new byte[algorithm.DecapsulationKeySize + 1], KeyBlobFormat.RawPrivateKey));
        Assert.Throws<InvalidKeyEncodingException>(() => DecapsulationKey.Import(algorithm, new byte[algorithm.SeedSize - 1], KeyBlobFormat.PrivateKeySeed));
        Assert.Throws<ArgumentNullException>(() => dk.Decapsulate(null!));
        Assert.Throws<ArgumentNullException>(() => DecapsulationKey.Generate(null!));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DisposedKeys_ThrowObjectDisposedException(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        DecapsulationKey dk = DecapsulationKey.Generate(algorithm);
        EncapsulationKey ek = dk.EncapsulationKey;
        byte[] ct = ek.Encapsulate(out _);
        dk.Dispose();
        dk.Dispose();
        Assert.Throws<ObjectDisposedException>(() => dk.Decapsulate(ct));
        Assert.Throws<ObjectDisposedException>(() => dk.Export(KeyBlobFormat.PrivateKeySeed));
        Assert.Throws<ObjectDisposedException>(() => dk.EncapsulationKey);
        Assert.Throws<ObjectDisposedException>(() => ek.Encapsulate(out _));
        Assert.Equal($"DecapsulationKey({name})", dk.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ExportImport_EveryFormat_RoundTrips(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        using DecapsulationKey dk = DecapsulationKey.Generate(algorithm);
        byte[] ct = dk.EncapsulationKey.Encapsulate(out byte[] ss);
        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.PrivateKeySeed, KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey })
        {
            using DecapsulationKey imported = DecapsulationKey.Import(algorithm, dk.Export(format), format);
            Assert.Equal(ss, imported.Decapsulate(ct));
        }

        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo })
        {
            using EncapsulationKey imported = EncapsulationKey.Import(algorithm, dk.Export(format), format);
            Assert.Equal(dk.Export(format), imported.Export(format));
            byte[] ct2 = imported.Encapsulate(out byte[] ss2);
            Assert.Equal(ss2, dk.Decapsulate(ct2));
        }
    }

    [Fact]
    public void MlKem_NonReducedEncapsulationKey_IsRefused_ByTheModulusCheck()
    {
        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        byte[] ek = dk.Export(KeyBlobFormat.RawPublicKey);
        // Set the first 12-bit coefficient to 3329 = q.
        ek[0] = 3329 & 0xFF;
        ek[1] = (byte)((ek[1] & 0xF0) | (3329 >> 8));
        InvalidKeyEncodingException e = Assert.Throws<InvalidKeyEncodingException>(() => EncapsulationKey.Import(KemAlgorithm.MlKem768, ek, KeyBlobFormat.RawPublicKey));
        Assert.Contains("modulus", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MlKem_ExpandedKeyWithWrongHash_IsRefused_ByTheHashCheck()
    {
        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem512);
        byte[] expanded = dk.Export(KeyBlobFormat.RawPrivateKey);
        expanded[768 + 800 + 3] ^= 1; // inside H(ek): dk = dk_PKE (384k) ‖ ek (384k + 32) ‖ H(ek) ‖ z
        Assert.Throws<InvalidKeyEncodingException>(() => DecapsulationKey.Import(KemAlgorithm.MlKem512, expanded, KeyBlobFormat.RawPrivateKey));
    }

    [Fact]
    public void MlKem_KeyImportedExpanded_CannotExportASeed()
    {
        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        using DecapsulationKey expanded = DecapsulationKey.Import(KemAlgorithm.MlKem768, dk.Export(KeyBlobFormat.RawPrivateKey), KeyBlobFormat.RawPrivateKey);
        Assert.Throws<ArgumentException>(() => expanded.Export(KeyBlobFormat.PrivateKeySeed));
        // Its PKCS#8 holds the expandedKey choice and imports back.
        using DecapsulationKey again = DecapsulationKey.Import(KemAlgorithm.MlKem768, expanded.Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey);
        Assert.Equal(dk.Export(KeyBlobFormat.RawPrivateKey), again.Export(KeyBlobFormat.RawPrivateKey));
    }

    [Theory]
    [InlineData("ML-KEM-512")]
    [InlineData("ML-KEM-768")]
    [InlineData("ML-KEM-1024")]
    public void MlKem_Pkcs8AndSpki_InteroperateWithBouncyCastle_AllThreePrivateKeyChoices(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        byte[] seed = RandomNumberGenerator.GetBytes(64);
        using DecapsulationKey dk = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        var bcParams = BouncyCastleKem.Parameters(algorithm);
        var bcKey = Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.FromSeed(bcParams, seed);

        // BouncyCastle reads ours.
        var parsed = (Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters)PrivateKeyFactory.CreateKey(dk.Export(KeyBlobFormat.Pkcs8PrivateKey));
        Assert.Equal(seed, parsed.GetSeed());
        var parsedPublic = (Org.BouncyCastle.Crypto.Parameters.MLKemPublicKeyParameters)PublicKeyFactory.CreateKey(dk.Export(KeyBlobFormat.SubjectPublicKeyInfo));
        Assert.Equal(dk.Export(KeyBlobFormat.RawPublicKey), parsedPublic.GetEncoded());

        // We read BouncyCastle's, in each of the seed, expandedKey and both forms.
        foreach (var format in new[] { Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.Format.SeedOnly, Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.Format.EncodingOnly, Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.Format.SeedAndEncoding })
        {
            byte[] pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(bcKey.WithPreferredFormat(format)).GetEncoded();
            using DecapsulationKey imported = DecapsulationKey.Import(algorithm, pkcs8, KeyBlobFormat.Pkcs8PrivateKey);
            Assert.Equal(dk.Export(KeyBlobFormat.RawPrivateKey), imported.Export(KeyBlobFormat.RawPrivateKey));
        }

        byte[] spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(bcKey.GetPublicKey()).GetEncoded();
        Assert.Equal(dk.Export(KeyBlobFormat.SubjectPublicKeyInfo), spki);
    }

    [Fact]
    public void MlKem_Pkcs8Both_WithMismatchedExpandedKey_IsRefused()
    {
        byte[] seed = RandomNumberGenerator.GetBytes(64);
        byte[] otherSeed = RandomNumberGenerator.GetBytes(64);
        var p = Org.BouncyCastle.Crypto.Parameters.MLKemParameters.ml_kem_768;
        byte[] expandedOther = Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.FromSeed(p, otherSeed).WithPreferredFormat(Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.Format.EncodingOnly).GetEncoded();
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("2.16.840.1.101.3.4.4.2");
            }

            var inner = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            using (inner.PushSequence())
            {
                inner.WriteOctetString(seed);
                inner.WriteOctetString(expandedOther);
            }

            writer.WriteOctetString(inner.Encode());
        }

        Assert.Throws<InvalidKeyEncodingException>(() => DecapsulationKey.Import(KemAlgorithm.MlKem768, writer.Encode(), KeyBlobFormat.Pkcs8PrivateKey));
    }

    [Property(MaxTest = 100)]
    public void Import_Garbage_ThrowsOnlyOurExceptions(byte[] garbage)
    {
        garbage ??= Array.Empty<byte>();
        foreach (string name in new[] { "ML-KEM-512", "ML-KEM-768", "X-Wing" })
        {
            KemAlgorithm algorithm = KemAlgorithm.FromName(name);
            foreach (KeyBlobFormat format in new[] { KeyBlobFormat.PrivateKeySeed, KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey, KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo })
            {
                try
                {
                    if (format < 0)
                    {
                        DecapsulationKey.Import(algorithm, garbage, format).Dispose();
                    }
                    else
                    {
                        EncapsulationKey.Import(algorithm, garbage, format).Dispose();
                    }
                }
                catch (FintechCryptoException)
                {
                }
                catch (ArgumentException)
                {
                }
            }
        }
    }

    [Fact]
    public void FromName_KnowsTheFourKems()
    {
        Assert.Same(KemAlgorithm.XWing, KemAlgorithm.FromName("X-Wing"));
        Assert.Equal(1216, KemAlgorithm.XWing.EncapsulationKeySize);
        Assert.Equal(1120, KemAlgorithm.XWing.CiphertextSize);
        Assert.Equal(2400, KemAlgorithm.MlKem768.DecapsulationKeySize);
        Assert.Equal(1088, KemAlgorithm.MlKem768.CiphertextSize);
        Assert.Throws<ArgumentException>(() => KemAlgorithm.FromName("ml-kem-768"));
        _ = Encoding.ASCII;
    }
}
