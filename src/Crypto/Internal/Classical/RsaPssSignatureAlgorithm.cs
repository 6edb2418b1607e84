// RSASSA-PSS (RFC 8017 §8.1, EMSA-PSS §9.1 with MGF1 §B.2.1). The OS provider signs and verifies the
// common case (MGF1 hash = message hash, salt length = hash length, SHA-256/384/512); BouncyCastle's PssSigner
// takes the parameters the BCL lacks (another MGF1 hash, any salt length, SHA-1 and SHA-224).
// Keys: PKCS#1 RSAPublicKey / RSAPrivateKey (RFC 8017 Appendix A.1) as the raw forms; SPKI and PKCS#8 with
// rsaEncryption on export, rsaEncryption or id-RSASSA-PSS (RFC 4055 §3.1) accepted on import.

using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace FintechCrypto.Internal.Classical;

internal sealed class RsaPssSignatureAlgorithm : SignatureAlgorithm, IKeyAlgorithm<SigningKeyCore, VerificationKeyCore>
{
    private const int MinModulusBits = 1024;
    private const int MaxModulusBits = 16384;

    // SPKI and PKCS#8 with rsaEncryption and NULL parameters on export (RFC 8017 Appendix C), as the OS writes them;
    // rsaEncryption with NULL, or id-RSASSA-PSS with absent or RSASSA-PSS-params parameters (RFC 4055 §3.1), on import.
    private static readonly KeyEncoding s_encoding = new(
        Oids.RsaEncryption,
        [0x05, 0x00],
        PrivateKeyForm.Raw,
        "rsaEncryption or id-RSASSA-PSS",
        info => info.AlgorithmOid switch
        {
            Oids.RsaEncryption => info.Parameters is [0x05, 0x00],
            Oids.RsaSsaPss => info.Parameters is null || info.Parameters is [0x30, ..],
            _ => false,
        });

    private RsaPssSignatureAlgorithm(string name, string identity, int modulusBits, HashAlgorithmName hash, HashAlgorithmName mgf1Hash, int saltLength)
        : base(name, identity)
    {
        ModulusBits = modulusBits;
        Hash = hash;
        Mgf1Hash = mgf1Hash;
        SaltLength = saltLength;
        UseOsProvider = hash == mgf1Hash
            && saltLength == Hashes.OutputSize(hash)
            && (hash == HashAlgorithmName.SHA256 || hash == HashAlgorithmName.SHA384 || hash == HashAlgorithmName.SHA512);
    }

    internal int ModulusBits { get; }

    internal HashAlgorithmName Hash { get; }

    internal HashAlgorithmName Mgf1Hash { get; }

    internal int SaltLength { get; }

    /// <summary>True when RSASignaturePadding.Pss of the BCL computes exactly these parameters.</summary>
    internal bool UseOsProvider { get; }

    public override int SignatureSize => ModulusBits / 8;

    internal static RsaPssSignatureAlgorithm Create(int modulusBits, HashAlgorithmName hash, HashAlgorithmName mgf1Hash, int saltLength)
    {
        if (modulusBits < MinModulusBits || modulusBits > MaxModulusBits || modulusBits % 8 != 0)
        {
            throw Error.ArgumentOutOfRange(nameof(modulusBits), $"a multiple of 8 from {MinModulusBits} to {MaxModulusBits}");
        }

        int hLen = Hashes.OutputSize(hash);
        if (hLen == 0)
        {
            throw Error.Argument_HashNotSupported(nameof(hash), hash.Name ?? "?", "RSA-PSS", Hashes.Supported);
        }

        if (Hashes.OutputSize(mgf1Hash) == 0)
        {
            throw Error.Argument_HashNotSupported(nameof(mgf1Hash), mgf1Hash.Name ?? "?", "MGF1 in RSA-PSS", Hashes.Supported);
        }

        // RFC 8017 §9.1.1 step 3: emLen >= hLen + sLen + 2, with emLen = ceil((modBits - 1) / 8).
        int emLen = (modulusBits - 1 + 7) / 8;
        if (saltLength < 0 || saltLength > emLen - hLen - 2)
        {
            throw Error.ArgumentOutOfRange(nameof(saltLength), $"from 0 to {emLen - hLen - 2} bytes for this modulus and hash");
        }

        string hashName = Hashes.DisplayName(hash);
        bool standard = hash == mgf1Hash && saltLength == hLen;
        string name = standard
            ? $"RSA-PSS-{modulusBits}-{hashName}"
            : $"RSA-PSS-{modulusBits}-{hashName}-MGF1-{Hashes.DisplayName(mgf1Hash)}-SALT{saltLength}";
        string identity = $"RSA-PSS-{modulusBits}-{hashName}-MGF1-{Hashes.DisplayName(mgf1Hash)}-SALT{saltLength}";
        return new RsaPssSignatureAlgorithm(name, identity, modulusBits, hash, mgf1Hash, saltLength);
    }

    internal override void ValidateSignArguments(ReadOnlySpan<byte> context, SigningMode mode)
    {
        base.ValidateSignArguments(context, mode);
        if (mode == SigningMode.Deterministic && SaltLength != 0)
        {
            throw Error.Argument_ModeNotSupported(nameof(mode), mode, Name);
        }
    }

    public KeyEncoding Encoding => s_encoding;

    internal override IKeyAlgorithm<SigningKeyCore, VerificationKeyCore> Keys => this;

    /// <summary>The OS generates the key (no seed is drawn).</summary>
    public SigningKeyCore GenerateCore(ReadOnlySpan<byte> seed) => new PrivateKey(this, RSA.Create(ModulusBits));

    /// <summary>The PKCS#1 RSAPrivateKey (RFC 8017 Appendix A.1.2), which is also what PKCS#8 holds.</summary>
    public SigningKeyCore ImportPrivateCore(DecodedPrivateKey key) =>
        new PrivateKey(this, Import(key.Bytes, key.Format, isPrivate: true));

    /// <summary>The PKCS#1 RSAPublicKey (RFC 8017 Appendix A.1.1), which is also what SPKI holds.</summary>
    public VerificationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) =>
        new PublicKey(this, Import(publicKey, format, isPrivate: false));

    /// <summary>Imports a PKCS#1 key with the OS provider: no trailing bytes, and the modulus of this parameter set.</summary>
    private RSA Import(ReadOnlySpan<byte> der, KeyBlobFormat format, bool isPrivate)
    {
        RSA rsa = RSA.Create();
        try
        {
            int read;
            if (isPrivate)
            {
                rsa.ImportRSAPrivateKey(der, out read);
            }
            else
            {
                rsa.ImportRSAPublicKey(der, out read);
            }

            if (read != der.Length)
            {
                throw Error.Format_InvalidKey(Name, format, isPrivate ? "trailing bytes follow the RSAPrivateKey" : "trailing bytes follow the RSAPublicKey");
            }

            if (rsa.KeySize != ModulusBits)
            {
                throw Error.Format_InvalidKey(Name, format, $"the modulus must be {ModulusBits} bits, not {rsa.KeySize}");
            }

            return rsa;
        }
        catch (Exception e) when (e is CryptographicException and not FintechCryptoException || e is AsnContentException)
        {
            rsa.Dispose();
            throw Error.Format_InvalidKey(Name, format, isPrivate ? "it is not an RSA private key" : "it is not an RSA public key", e);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private PssSigner CreatePssSigner(bool forSigning) =>
        new(forSigning ? new RsaBlindedEngine() : new RsaEngine(), Hashes.CreateDigest(Hash), Hashes.CreateDigest(Mgf1Hash), SaltLength);

    private static BcBigInteger Unsigned(byte[] value) => new(1, value);

    private sealed class PrivateKey(RsaPssSignatureAlgorithm algorithm, RSA rsa) : SigningKeyCore
    {
        internal override int SignatureSize => algorithm.SignatureSize;

        internal override int Sign(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode)
        {
            int size = SignatureSize;
            if (algorithm.UseOsProvider)
            {
                if (!rsa.TrySignData(data, signature, algorithm.Hash, RSASignaturePadding.Pss, out int written) || written != size)
                {
                    throw Error.Crypto_InternalError("RSA-PSS signature of unexpected size");
                }

                return size;
            }

            RSAParameters p = rsa.ExportParameters(true);
            try
            {
                var key = new RsaPrivateCrtKeyParameters(
                    Unsigned(p.Modulus!), Unsigned(p.Exponent!), Unsigned(p.D!), Unsigned(p.P!), Unsigned(p.Q!),
                    Unsigned(p.DP!), Unsigned(p.DQ!), Unsigned(p.InverseQ!));
                PssSigner signer = algorithm.CreatePssSigner(forSigning: true);
                signer.Init(true, new ParametersWithRandom(key, new SecureRandom()));
                signer.BlockUpdate(data);
                byte[] result = signer.GenerateSignature();
                if (result.Length != size)
                {
                    throw Error.Crypto_InternalError("RSA-PSS signature of unexpected size");
                }

                result.CopyTo(signature);
                return size;
            }
            finally
            {
                ClearPrivate(p);
            }
        }

        internal override VerificationKeyCore CreatePublicKey()
        {
            var publicKey = RSA.Create();
            publicKey.ImportParameters(rsa.ExportParameters(false));
            return new PublicKey(algorithm, publicKey);
        }

        internal override byte[] ExportRawPrivateKey() => rsa.ExportRSAPrivateKey();

        public override void Dispose() => rsa.Dispose();

        private static void ClearPrivate(RSAParameters p)
        {
            foreach (byte[]? secret in new[] { p.D, p.P, p.Q, p.DP, p.DQ, p.InverseQ })
            {
                if (secret is not null)
                {
                    CryptographicOperations.ZeroMemory(secret);
                }
            }
        }
    }

    private sealed class PublicKey : VerificationKeyCore
    {
        private readonly RsaPssSignatureAlgorithm _algorithm;
        private readonly RSA _rsa;
        private readonly RsaKeyParameters? _bcKey;

        internal PublicKey(RsaPssSignatureAlgorithm algorithm, RSA rsa)
        {
            _algorithm = algorithm;
            _rsa = rsa;
            if (!algorithm.UseOsProvider)
            {
                RSAParameters p = rsa.ExportParameters(false);
                _bcKey = new RsaKeyParameters(false, Unsigned(p.Modulus!), Unsigned(p.Exponent!));
            }
        }

        internal override int SignatureSize => _algorithm.SignatureSize;

        internal override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
        {
            // RFC 8017 §8.1.2 step 1: the signature must be exactly k bytes.
            if (signature.Length != SignatureSize)
            {
                return false;
            }

            if (_bcKey is null)
            {
                try
                {
                    return _rsa.VerifyData(data, signature, _algorithm.Hash, RSASignaturePadding.Pss);
                }
                catch (CryptographicException)
                {
                    return false;
                }
            }

            try
            {
                PssSigner verifier = _algorithm.CreatePssSigner(forSigning: false);
                verifier.Init(false, _bcKey);
                verifier.BlockUpdate(data);
                return verifier.VerifySignature(signature.ToArray());
            }
            catch (Org.BouncyCastle.Crypto.DataLengthException)
            {
                // The signature representative is not below the modulus (RFC 8017 §5.2.2 step 1).
                return false;
            }
        }

        internal override byte[] ExportRawPublicKey() => _rsa.ExportRSAPublicKey();

        public override void Dispose() => _rsa.Dispose();
    }
}
