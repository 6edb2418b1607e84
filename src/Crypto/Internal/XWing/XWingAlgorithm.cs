// X-Wing (draft-connolly-cfrg-xwing-kem, the revision of ../shared/vectors/xwing: SHAKE-256 private-key
// expansion, label last): a hybrid KEM of ML-KEM-768 and X25519 combined with SHA3-256.
//
//   expandDecapsulationKey(sk): expanded = SHAKE256(sk, 96); (pk_M, sk_M) = ML-KEM-768.KeyGen_internal(expanded[0:32],
//       expanded[32:64]); sk_X = expanded[64:96]; pk_X = X25519(sk_X, 9)
//   Combiner(ss_M, ss_X, ct_X, pk_X) = SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ XWingLabel), XWingLabel = "\./" ‖ "/^\"
//   Encapsulate(pk, eseed): (ss_M, ct_M) = ML-KEM-768.Encaps_internal(pk_M, eseed[0:32]); ek_X = eseed[32:64];
//       ct_X = X25519(ek_X, 9); ss_X = X25519(ek_X, pk_X); ct = ct_M ‖ ct_X
//   Decapsulate(ct, sk): ss_M = ML-KEM-768.Decaps(sk_M, ct_M); ss_X = X25519(sk_X, ct_X)
// The private key is the 32-byte seed sk in every private format (raw, seed and PKCS#8's OCTET STRING).

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;
using FintechCrypto.Internal.MlKem;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Internal.XWing;

internal sealed class XWingAlgorithm : KemAlgorithm, IKeyAlgorithm<DecapsulationKeyCore, EncapsulationKeyCore>
{
    /// <summary>The X-Wing OID of the draft (1.3.6.1.4.1.62253.25722).</summary>
    internal const string Oid = "1.3.6.1.4.1.62253.25722";

    private const int SeedBytes = 32;
    private const int X25519Bytes = 32;
    private static readonly byte[] Label = { 0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c };

    private static readonly MlKemParameterSet MlKem = MlKemParameterSet.MlKem768;

    // The draft encodes keys as RFC 8410 does: no parameters, the 32-byte seed as a CurvePrivateKey OCTET STRING.
    private static readonly KeyEncoding s_encoding = KeyEncoding.Rfc8410(Oid);

    internal XWingAlgorithm()
        : base("X-Wing")
    {
    }

    public override int EncapsulationKeySize => MlKem.EncapsulationKeySize + X25519Bytes;

    public override int DecapsulationKeySize => SeedBytes;

    /// <summary>The private key is the 32-byte seed sk in every private format.</summary>
    public override bool SupportsSeed => true;

    public override int SeedSize => SeedBytes;

    public override int CiphertextSize => MlKem.CiphertextSize + X25519Bytes;

    public override int SharedSecretSize => 32;

    public KeyEncoding Encoding => s_encoding;

    internal override IKeyAlgorithm<DecapsulationKeyCore, EncapsulationKeyCore> Keys => this;

    public DecapsulationKeyCore ImportPrivateCore(DecodedPrivateKey key) => new PrivateKey(key.OfSize(SeedBytes, Name, "the private key"));

    public EncapsulationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format)
    {
        KeyLength.Check(publicKey, EncapsulationKeySize, Name, format, "the public key");
        var mlKem = MlKemAlgorithm.PublicKey.Decode(MlKem, publicKey[..MlKem.EncapsulationKeySize], format);
        return new PublicKey(publicKey.ToArray(), mlKem);
    }

    private static void Combiner(ReadOnlySpan<byte> ssM, ReadOnlySpan<byte> ssX, ReadOnlySpan<byte> ctX, ReadOnlySpan<byte> pkX, Span<byte> ss)
    {
        var h = Sha3Hash.Create256();
        h.Absorb(ssM);
        h.Absorb(ssX);
        h.Absorb(ctX);
        h.Absorb(pkX);
        h.Absorb(Label);
        h.GetHashAndReset(ss);
        h.Clear();
    }

    private sealed class PublicKey : EncapsulationKeyCore
    {
        private readonly byte[] _pk;
        private readonly MlKemAlgorithm.PublicKey _mlKem;

        internal PublicKey(byte[] pk, MlKemAlgorithm.PublicKey mlKem)
        {
            _pk = pk;
            _mlKem = mlKem;
        }

        internal override int RandomnessSize => 64;

        private ReadOnlySpan<byte> PkX => _pk.AsSpan(MlKem.EncapsulationKeySize);

        internal override void Encapsulate(ReadOnlySpan<byte> eseed, Span<byte> ciphertext, Span<byte> sharedSecret)
        {
            Span<byte> ssM = stackalloc byte[32];
            Span<byte> ssX = stackalloc byte[32];
            try
            {
                Span<byte> ctX = ciphertext[MlKem.CiphertextSize..];
                ReadOnlySpan<byte> ekX = eseed[32..];
                X25519.ScalarMultBase(ekX, ctX);
                X25519.ScalarMult(ekX, PkX, ssX);
                _mlKem.Encapsulate(eseed[..32], ciphertext[..MlKem.CiphertextSize], ssM);
                Combiner(ssM, ssX, ctX, PkX, sharedSecret);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(ssM);
                CryptographicOperations.ZeroMemory(ssX);
            }
        }

        internal ReadOnlySpan<byte> Pk => _pk;

        internal override byte[] ExportRawPublicKey() => (byte[])_pk.Clone();
    }

    private sealed class PrivateKey : DecapsulationKeyCore
    {
        private readonly SecretBytes _seed;
        private readonly SecretBytes _skX;
        private readonly MlKemAlgorithm.PrivateKey _mlKem;
        private readonly PublicKey _public;

        internal PrivateKey(ReadOnlySpan<byte> seed)
        {
            _seed = new SecretBytes(seed);
            Span<byte> expanded = stackalloc byte[96];
            try
            {
                FintechCrypto.Internal.Sha3.Shake.HashData256(seed, expanded);
                _mlKem = MlKemAlgorithm.PrivateKey.FromSeed(MlKem, expanded[..64]);
                _skX = new SecretBytes(expanded[64..]);
                byte[] pk = new byte[MlKem.EncapsulationKeySize + X25519Bytes];
                var mlKemPublic = (MlKemAlgorithm.PublicKey)_mlKem.CreatePublicKey();
                mlKemPublic.Ek.CopyTo(pk);
                X25519.ScalarMultBase(_skX.Span, pk.AsSpan(MlKem.EncapsulationKeySize));
                _public = new PublicKey(pk, mlKemPublic);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(expanded);
            }
        }

        internal override void Decapsulate(ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
        {
            Span<byte> ssM = stackalloc byte[32];
            Span<byte> ssX = stackalloc byte[32];
            try
            {
                ReadOnlySpan<byte> ctX = ciphertext[MlKem.CiphertextSize..];
                _mlKem.Decapsulate(ciphertext[..MlKem.CiphertextSize], ssM);
                X25519.ScalarMult(_skX.Span, ctX, ssX);
                Combiner(ssM, ssX, ctX, _public.Pk[MlKem.EncapsulationKeySize..], sharedSecret);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(ssM);
                CryptographicOperations.ZeroMemory(ssX);
            }
        }

        internal override bool HasSeed => true;

        internal override EncapsulationKeyCore CreatePublicKey() => _public;

        internal override byte[] ExportRawPrivateKey() => _seed.Span.ToArray();

        internal override byte[] ExportSeed() => _seed.Span.ToArray();

        public override void Dispose()
        {
            _seed.Dispose();
            _skX.Dispose();
            _mlKem.Dispose();
        }
    }
}
