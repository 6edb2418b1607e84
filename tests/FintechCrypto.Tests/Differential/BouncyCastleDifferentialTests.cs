using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>Our classical operations against BouncyCastle's independent code paths (where our backend is the OS).</summary>
public class BouncyCastleDifferentialTests
{
    [Fact]
    public void EcdhP256_AgreesWithBouncyCastle()
    {
        var domain = new ECDomainParameters(Org.BouncyCastle.Asn1.X9.ECNamedCurveTable.GetByName("secp256r1"));
        for (int i = 0; i < 10; i++)
        {
            using KeyAgreementKey ours = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256);
            var generator = new Org.BouncyCastle.Crypto.Generators.ECKeyPairGenerator();
            generator.Init(new ECKeyGenerationParameters(domain, new SecureRandom()));
            var theirs = generator.GenerateKeyPair();
            byte[] theirPublic = ((ECPublicKeyParameters)theirs.Public).Q.GetEncoded(false);
            using KeyAgreementPublicKey peer = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.EcdhP256, theirPublic, KeyBlobFormat.RawPublicKey);

            var agreement = new ECDHBasicAgreement();
            agreement.Init(theirs.Private);
            var ourPoint = domain.Curve.DecodePoint(ours.Export(KeyBlobFormat.RawPublicKey));
            byte[] expected = Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, agreement.CalculateAgreement(new ECPublicKeyParameters(ourPoint, domain)));
            Assert.Equal(expected, ours.Agree(peer));
        }
    }

    [Theory]
    [InlineData("SHA256", "SHA256", 32)]
    [InlineData("SHA384", "SHA384", 48)]
    [InlineData("SHA256", "SHA1", 0)]
    [InlineData("SHA512", "SHA256", 20)]
    public void RsaPss_CrossVerifiesWithBouncyCastle(string hash, string mgf1, int salt)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.RsaPss(2048, new HashAlgorithmName(hash), new HashAlgorithmName(mgf1), salt);
        using SigningKey key = SigningKey.Import(algorithm, Registry.SharedKey(SignatureAlgorithm.RsaPss2048Sha256).Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey);
        var bcPrivate = (RsaPrivateCrtKeyParameters)PrivateKeyFactory.CreateKey(key.Export(KeyBlobFormat.Pkcs8PrivateKey));
        var bcPublic = (RsaKeyParameters)PublicKeyFactory.CreateKey(key.Export(KeyBlobFormat.SubjectPublicKeyInfo));
        byte[] message = new byte[100];
        new Random(salt).NextBytes(message);

        byte[] ours = key.Sign(message);
        var verifier = new PssSigner(new RsaEngine(), Digest(hash), Digest(mgf1), salt);
        verifier.Init(false, bcPublic);
        verifier.BlockUpdate(message, 0, message.Length);
        Assert.True(verifier.VerifySignature(ours));

        var signer = new PssSigner(new RsaEngine(), Digest(hash), Digest(mgf1), salt);
        signer.Init(true, new ParametersWithRandom(bcPrivate, new SecureRandom()));
        signer.BlockUpdate(message, 0, message.Length);
        byte[] theirs = signer.GenerateSignature();
        Assert.True(key.PublicKey.Verify(message, theirs));
    }

    [Fact]
    public void EcdsaP256_CrossVerifiesWithBouncyCastle_InBothDirections()
    {
        SigningKey key = Registry.SharedKey(SignatureAlgorithm.EcdsaP256Sha256Der);
        var bcPrivate = (ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(key.Export(KeyBlobFormat.Pkcs8PrivateKey));
        var bcPublic = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(key.Export(KeyBlobFormat.SubjectPublicKeyInfo));
        byte[] message = System.Text.Encoding.UTF8.GetBytes("card authorisation 0100");

        foreach (SigningMode mode in new[] { SigningMode.Default, SigningMode.Deterministic })
        {
            byte[] ours = key.Sign(message, mode);
            var verifier = new DsaDigestSigner(new ECDsaSigner(), new Sha256Digest());
            verifier.Init(false, bcPublic);
            verifier.BlockUpdate(message, 0, message.Length);
            Assert.True(verifier.VerifySignature(ours));
        }

        var signer = new DsaDigestSigner(new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest())), new Sha256Digest());
        signer.Init(true, bcPrivate);
        signer.BlockUpdate(message, 0, message.Length);
        byte[] theirs = signer.GenerateSignature();
        Assert.True(key.PublicKey.Verify(message, theirs));
        // RFC 6979 is deterministic: BouncyCastle's deterministic signature equals ours.
        Assert.Equal(theirs, key.Sign(message, SigningMode.Deterministic));
    }

    private static Org.BouncyCastle.Crypto.IDigest Digest(string name) => name switch
    {
        "SHA1" => new Sha1Digest(),
        "SHA256" => new Sha256Digest(),
        "SHA384" => new Sha384Digest(),
        _ => new Sha512Digest(),
    };
}
