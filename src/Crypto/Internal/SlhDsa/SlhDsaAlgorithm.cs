// SLH-DSA through the one API, FIPS 205 §10: slh_keygen (Algorithm 21) from fresh or given seeds, slh_sign /
// slh_verify (Algorithms 22 and 24, "pure" SLH-DSA with a context string) and hash_slh_sign / hash_slh_verify
// (Algorithms 23 and 25, HashSLH-DSA over a caller-computed PH(M)), hedged by default (opt_rand = n fresh random
// bytes, §9.2) or deterministic (opt_rand = PK.seed, SigningMode.Deterministic).
//
//   pure:      M' = toByte(0, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ M
//   pre-hash:  M' = toByte(1, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ OID(PH) ‖ PH(M)   (OID as its DER encoding, 06 len …)
//
// Key formats: RawPrivateKey = SK (SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root, 4n bytes, §9.1); PrivateKeySeed =
// SK.seed ‖ SK.prf ‖ PK.seed (3n bytes, slh_keygen_internal's inputs); RawPublicKey = PK.seed ‖ PK.root (2n);
// SubjectPublicKeyInfo with id-slh-dsa-* and absent parameters, the subjectPublicKey being the raw PK, and PKCS#8
// whose privateKey OCTET STRING holds the raw 4n-byte SK (RFC 9909 §4 and §6; BouncyCastle 2.7.0 writes the same).
// An imported SK is trusted to hold the PK.root its seeds generate (recomputing it would cost a key generation);
// a wrong PK.root only makes the key's signatures fail to verify.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.SlhDsa;

internal sealed class SlhDsaAlgorithm : PostQuantumSignatureAlgorithm
{
    /// <summary>toByte(|ctx|, 1) limits the context to 255 bytes; PH(M) is at most 64 bytes; DER OIDs here are 11 bytes.</summary>
    private const int MaxPrefixSize = 2 + 255 + 16 + 64;

    internal SlhDsaAlgorithm(SlhDsaParameterSet parameters)
        : base(parameters.Name, parameters.Oid, parameters.SignatureSize, parameters.SeedSize, PrivateKeyForm.Raw)
    {
        Parameters = parameters;
    }

    internal SlhDsaParameterSet Parameters { get; }

    /// <summary>The seed SK.seed ‖ SK.prf ‖ PK.seed (slh_keygen_internal, FIPS 205 Algorithm 18), or the 4n-byte SK (§9.1).</summary>
    public override SigningKeyCore ImportPrivateCore(DecodedPrivateKey key) =>
        key.IsSeed
            ? PrivateKey.FromSeed(Parameters, key.OfSize(SeedSize, Name, "the seed SK.seed ‖ SK.prf ‖ PK.seed"))
            : PrivateKey.FromEncoded(Parameters, key.Bytes, key.Format);

    public override VerificationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) => PublicKey.Decode(Parameters, publicKey, format);

    /// <summary>Writes the M' header of §10.2: domain ‖ |ctx| ‖ ctx [‖ OID(PH) ‖ PH(M)]; returns its length.</summary>
    private static int WritePrefix(Span<byte> prefix, byte domain, ReadOnlySpan<byte> context, ReadOnlySpan<byte> oidDer, ReadOnlySpan<byte> hash)
    {
        prefix[0] = domain;
        prefix[1] = checked((byte)context.Length);
        context.CopyTo(prefix[2..]);
        int length = 2 + context.Length;
        oidDer.CopyTo(prefix[length..]);
        length += oidDer.Length;
        hash.CopyTo(prefix[length..]);
        return length + hash.Length;
    }

    /// <summary>The private key: SK (4n bytes) in pinned memory cleared on Dispose.</summary>
    internal sealed class PrivateKey : SigningKeyCore
    {
        private readonly SlhDsaParameterSet _p;
        private readonly SecretBytes _sk;

        private PrivateKey(SlhDsaParameterSet p, SecretBytes sk)
        {
            _p = p;
            _sk = sk;
        }

        internal SlhDsaParameterSet Parameters => _p;

        internal override int SignatureSize => _p.SignatureSize;

        /// <summary>slh_keygen_internal(SK.seed, SK.prf, PK.seed) (Algorithm 18).</summary>
        internal static PrivateKey FromSeed(SlhDsaParameterSet p, ReadOnlySpan<byte> seed)
        {
            var sk = new SecretBytes(p.PrivateKeySize);
            Span<byte> pk = stackalloc byte[p.PublicKeySize];
            try
            {
                SlhDsaCore.KeyGenInternal(p, seed, sk.Span, pk);
                return new PrivateKey(p, sk);
            }
            catch
            {
                sk.Dispose();
                throw;
            }
        }

        /// <summary>An SK encoding: exactly 4n bytes (§9.1); any byte string of that length is a well-formed SK.</summary>
        internal static PrivateKey FromEncoded(SlhDsaParameterSet p, ReadOnlySpan<byte> encoded, KeyBlobFormat format)
        {
            KeyLength.Check(encoded, p.PrivateKeySize, p.Name, format, "the private key SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root");
            return new PrivateKey(p, new SecretBytes(encoded));
        }

        internal override int Sign(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode)
        {
            // slh_sign (Algorithm 22): M' = toByte(0, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ M.
            Span<byte> prefix = stackalloc byte[MaxPrefixSize];
            int prefixLength = WritePrefix(prefix, 0, context, default, default);
            return SignMessage(prefix[..prefixLength], data, signature, mode);
        }

        internal override int SignPreHash(ReadOnlySpan<byte> hash, string hashOid, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode)
        {
            // hash_slh_sign (Algorithm 23): M' = toByte(1, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ OID ‖ PH_M.
            Span<byte> prefix = stackalloc byte[MaxPrefixSize];
            int prefixLength = WritePrefix(prefix, 1, context, KeyBlobs.WriteObjectIdentifier(hashOid), hash);
            return SignMessage(prefix[..prefixLength], default, signature, mode);
        }

        /// <summary>slh_sign_internal on M' = prefix ‖ message (the internal interface for FintechCrypto.Testing).</summary>
        /// <param name="prefix">The start of M'.</param>
        /// <param name="message">The rest of M'.</param>
        /// <param name="addrnd">n bytes of opt_rand, or empty for the deterministic variant (opt_rand = PK.seed).</param>
        /// <param name="signature">At least SignatureSize bytes.</param>
        internal void SignInternal(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, ReadOnlySpan<byte> addrnd, Span<byte> signature) =>
            SlhDsaCore.SignInternal(_p, _sk.Span, prefix, message, addrnd, signature);

        internal override VerificationKeyCore CreatePublicKey() => PublicKey.Decode(_p, _sk.Span[(2 * _p.N)..], KeyBlobFormat.RawPublicKey);

        /// <summary>SK begins with the seed SK.seed ‖ SK.prf ‖ PK.seed (§9.1).</summary>
        internal override bool HasSeed => true;

        internal override byte[] ExportRawPrivateKey() => _sk.Span.ToArray();

        internal override byte[] ExportSeed() => _sk.Span[..(3 * _p.N)].ToArray();

        public override void Dispose() => _sk.Dispose();

        public override string ToString() => $"SLH-DSA private key ({_p.Name})";

        private int SignMessage(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> signature, SigningMode mode)
        {
            // §9.2 / §10.2.1: opt_rand is n fresh random bytes (hedged), or PK.seed for the deterministic variant.
            Span<byte> addrnd = stackalloc byte[_p.N];
            try
            {
                if (mode == SigningMode.Deterministic)
                {
                    addrnd = default;
                }
                else
                {
                    RandomNumberGenerator.Fill(addrnd);
                }

                SlhDsaCore.SignInternal(_p, _sk.Span, prefix, message, addrnd, signature);
                return _p.SignatureSize;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(addrnd);
            }
        }
    }

    /// <summary>The public key PK.seed ‖ PK.root.</summary>
    internal sealed class PublicKey : VerificationKeyCore
    {
        private readonly SlhDsaParameterSet _p;
        private readonly byte[] _pk;

        private PublicKey(SlhDsaParameterSet p, byte[] pk)
        {
            _p = p;
            _pk = pk;
        }

        internal override int SignatureSize => _p.SignatureSize;

        /// <summary>A PK encoding: exactly 2n bytes (§9.1); any byte string of that length is a well-formed PK.</summary>
        internal static PublicKey Decode(SlhDsaParameterSet p, ReadOnlySpan<byte> encoded, KeyBlobFormat format)
        {
            KeyLength.Check(encoded, p.PublicKeySize, p.Name, format, "the public key PK.seed ‖ PK.root");
            return new PublicKey(p, encoded.ToArray());
        }

        internal override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
        {
            // slh_verify (Algorithm 24).
            Span<byte> prefix = stackalloc byte[MaxPrefixSize];
            int prefixLength = WritePrefix(prefix, 0, context, default, default);
            return SlhDsaCore.VerifyInternal(_p, _pk, prefix[..prefixLength], data, signature);
        }

        internal override bool VerifyPreHash(ReadOnlySpan<byte> hash, string hashOid, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
        {
            // hash_slh_verify (Algorithm 25).
            Span<byte> prefix = stackalloc byte[MaxPrefixSize];
            int prefixLength = WritePrefix(prefix, 1, context, KeyBlobs.WriteObjectIdentifier(hashOid), hash);
            return SlhDsaCore.VerifyInternal(_p, _pk, prefix[..prefixLength], default, signature);
        }

        /// <summary>slh_verify_internal on M' = prefix ‖ message (the internal interface for FintechCrypto.Testing).</summary>
        /// <param name="message">M'.</param>
        /// <param name="signature">The signature; a wrong length is invalid.</param>
        /// <returns>True only for a valid signature.</returns>
        internal bool VerifyInternal(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
            SlhDsaCore.VerifyInternal(_p, _pk, default, message, signature);

        internal override byte[] ExportRawPublicKey() => (byte[])_pk.Clone();
    }
}
