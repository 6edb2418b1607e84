// ECDSA over P-256 with SHA-256 (FIPS 186-5 §6.4), randomized signing by the OS provider
// (System.Security.Cryptography), deterministic signing per RFC 6979 §3.2 by BouncyCastle's HMAC-DRBG k
// calculator. Signature encodings: IEEE P1363 (r || s, 32 bytes each) or DER Ecdsa-Sig-Value (RFC 3279 §2.2.3),
// which Verify parses strictly (minimal INTEGERs, no trailing bytes) before any arithmetic.

using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace FintechCrypto.Internal.Classical;

internal sealed class EcdsaP256SignatureAlgorithm : SignatureAlgorithm, IKeyAlgorithm<SigningKeyCore, VerificationKeyCore>
{
    private const int P1363Size = 2 * P256.ScalarSize;
    private const int MaxDerSize = 72;

    private readonly bool _der;

    internal EcdsaP256SignatureAlgorithm(bool derSignatures)
        : base(derSignatures ? "ECDSA-P256-SHA256-DER" : "ECDSA-P256-SHA256")
    {
        _der = derSignatures;
    }

    public override int SignatureSize => _der ? MaxDerSize : P1363Size;

    public KeyEncoding Encoding => P256.Encoding;

    internal override IKeyAlgorithm<SigningKeyCore, VerificationKeyCore> Keys => this;

    /// <summary>The OS generates the key (no seed is drawn).</summary>
    public SigningKeyCore GenerateCore(ReadOnlySpan<byte> seed) => new PrivateKey(ECDsa.Create(ECCurve.NamedCurves.nistP256), _der);

    public SigningKeyCore ImportPrivateCore(DecodedPrivateKey key) => new PrivateKey(P256.ImportPrivate(key, ECDsa.Create, Name), _der);

    public VerificationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) =>
        new PublicKey(P256.ImportPublic(publicKey, ECDsa.Create, Name, format), _der);

    /// <summary>Parses a strict DER Ecdsa-Sig-Value into r || s; false when malformed or out of range.</summary>
    private static bool TryDerToP1363(ReadOnlySpan<byte> der, Span<byte> p1363)
    {
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            AsnReader sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            ReadOnlySpan<byte> r = sequence.ReadIntegerBytes().Span;
            ReadOnlySpan<byte> s = sequence.ReadIntegerBytes().Span;
            sequence.ThrowIfNotEmpty();
            return TryWriteFixed(r, p1363[..P256.ScalarSize]) && TryWriteFixed(s, p1363[P256.ScalarSize..]);
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static bool TryWriteFixed(ReadOnlySpan<byte> integer, Span<byte> destination)
    {
        // A DER INTEGER is minimal two's complement: a negative value (top bit set) is never a valid r or s.
        if (integer.IsEmpty || (integer[0] & 0x80) != 0)
        {
            return false;
        }

        if (integer.Length > 1 && integer[0] == 0)
        {
            integer = integer[1..];
        }

        if (integer.Length > destination.Length)
        {
            return false;
        }

        destination.Clear();
        integer.CopyTo(destination[(destination.Length - integer.Length)..]);
        return true;
    }

    private static int WriteDer(ReadOnlySpan<byte> p1363, Span<byte> destination)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(TrimLeadingZeros(p1363[..P256.ScalarSize]));
            writer.WriteIntegerUnsigned(TrimLeadingZeros(p1363[P256.ScalarSize..]));
        }

        return writer.Encode(destination);
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        int i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value[i..];
    }

    private sealed class PrivateKey(ECDsa ecdsa, bool der) : SigningKeyCore
    {
        internal override int SignatureSize => der ? MaxDerSize : P1363Size;

        internal override int Sign(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode)
        {
            Span<byte> p1363 = stackalloc byte[P1363Size];
            if (mode == SigningMode.Deterministic)
            {
                SignDeterministic(data, p1363);
            }
            else if (!ecdsa.TrySignData(data, p1363, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out int written) || written != P1363Size)
            {
                throw Error.Crypto_InternalError("ECDSA signature of unexpected size");
            }

            if (!der)
            {
                p1363.CopyTo(signature);
                return P1363Size;
            }

            return WriteDer(p1363, signature);
        }

        internal override VerificationKeyCore CreatePublicKey()
        {
            ECParameters parameters = ecdsa.ExportParameters(false);
            return new PublicKey(ECDsa.Create(parameters), der);
        }

        internal override byte[] ExportRawPrivateKey() => P256.ExportPrivateScalar(ecdsa);

        internal override byte[] ExportRawPublicKey() => P256.ExportPoint(ecdsa);

        public override void Dispose() => ecdsa.Dispose();

        /// <summary>RFC 6979 §3.2 deterministic k (HMAC-DRBG with SHA-256), FIPS 186-5 §6.4.1 signing.</summary>
        private void SignDeterministic(ReadOnlySpan<byte> data, Span<byte> p1363)
        {
            ECParameters parameters = ecdsa.ExportParameters(true);
            try
            {
                var domain = new ECDomainParameters(P256.Domain);
                var key = new ECPrivateKeyParameters(new BcBigInteger(1, parameters.D!), domain);
                var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
                signer.Init(true, key);
                byte[] hash = SHA256.HashData(data);
                BcBigInteger[] rs = signer.GenerateSignature(hash);
                p1363.Clear();
                byte[] r = rs[0].ToByteArrayUnsigned();
                r.CopyTo(p1363[(P256.ScalarSize - r.Length)..P256.ScalarSize]);
                byte[] s = rs[1].ToByteArrayUnsigned();
                s.CopyTo(p1363[(P1363Size - s.Length)..]);
            }
            finally
            {
                P256.Clear(parameters);
            }
        }
    }

    private sealed class PublicKey(ECDsa ecdsa, bool der) : VerificationKeyCore
    {
        internal override int SignatureSize => der ? MaxDerSize : P1363Size;

        internal override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
        {
            Span<byte> p1363 = stackalloc byte[P1363Size];
            if (der)
            {
                if (signature.Length > MaxDerSize || !TryDerToP1363(signature, p1363))
                {
                    return false;
                }
            }
            else
            {
                if (signature.Length != P1363Size)
                {
                    return false;
                }

                signature.CopyTo(p1363);
            }

            // The provider checks 0 < r, s < n (FIPS 186-5 §6.4.2 step 1) and returns false otherwise.
            return ecdsa.VerifyData(data, p1363, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        internal override byte[] ExportRawPublicKey() => P256.ExportPoint(ecdsa);

        public override void Dispose() => ecdsa.Dispose();
    }
}
