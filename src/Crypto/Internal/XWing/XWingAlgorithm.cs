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
using FintechCrypto.Internal.Encoding;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Internal.Memory;
using FintechCrypto.Internal.MlKem;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Internal.XWing;

internal sealed class XWingAlgorithm : KemAlgorithm
{
    /// <summary>The X-Wing OID of the draft (1.3.6.1.4.1.62253.25722).</summary>
    internal const string Oid = "1.3.6.1.4.1.62253.25722";

    private const int SeedBytes = 32;
    private const int X25519Bytes = 32;
    private static readonly byte[] Label = { 0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c };

    private static readonly MlKemParameterSet MlKem = MlKemParameterSet.MlKem768;

    internal XWingAlgorithm()
        : base("X-Wing")
    {
    }

    public override int EncapsulationKeySize => MlKem.EncapsulationKeySize + X25519Bytes;

    public override int DecapsulationKeySize => SeedBytes;

    public override int SeedSize => SeedBytes;

    public override int CiphertextSize => MlKem.CiphertextSize + X25519Bytes;

    public override int SharedSecretSize => 32;

    internal override DecapsulationKeyCore GenerateCore(ReadOnlySpan<byte> seed) => new PrivateKey(seed);

    internal override DecapsulationKeyCore ImportPrivateCore(ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        if (format is KeyBlobFormat.RawPrivateKey or KeyBlobFormat.PrivateKeySeed)
        {
            if (blob.Length != SeedBytes)
            {
                throw Error.Format_InvalidKey(Name, format, $"the private key must be {SeedBytes} bytes, not {blob.Length}");
            }

            return new PrivateKey(blob);
        }

        byte[] seed = Rfc8410.ReadPkcs8(blob, Oid, SeedBytes, Name, format);
        try
        {
            return new PrivateKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    internal override EncapsulationKeyCore ImportPublicCore(ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        byte[] pk = format == KeyBlobFormat.RawPublicKey
            ? blob.ToArray()
            : Rfc8410.ReadSubjectPublicKeyInfo(blob, Oid, EncapsulationKeySize, Name, format);
        if (pk.Length != EncapsulationKeySize)
        {
            throw Error.Format_InvalidKey(Name, format, $"the public key must be {EncapsulationKeySize} bytes, not {pk.Length}");
        }

        var mlKem = MlKemAlgorithm.PublicKey.Decode(MlKem, pk.AsSpan(0, MlKem.EncapsulationKeySize), format);
        return new PublicKey(pk, mlKem);
    }

    private static void Combiner(ReadOnlySpan<byte> ssM, ReadOnlySpan<byte> ssX, ReadOnlySpan<byte> ctX, ReadOnlySpan<byte> pkX, Span<byte> ss)
    {
        var h = Sha3_256.Create();
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

        internal override byte[] ExportPublic(KeyBlobFormat format) =>
            format == KeyBlobFormat.RawPublicKey ? (byte[])_pk.Clone() : Rfc8410.WriteSubjectPublicKeyInfo(Oid, _pk);
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
                FintechCrypto.Internal.Sha3.Shake256.HashData(seed, expanded);
                _mlKem = MlKemAlgorithm.PrivateKey.FromSeed(MlKem, expanded[..64]);
                _skX = new SecretBytes(expanded[64..]);
                byte[] pk = new byte[MlKem.EncapsulationKeySize + X25519Bytes];
                var mlKemPublic = (MlKemAlgorithm.PublicKey)_mlKem.CreateEncapsulationKey();
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

        internal override EncapsulationKeyCore CreateEncapsulationKey() => _public;

        internal override byte[] ExportPrivate(KeyBlobFormat format) =>
            format == KeyBlobFormat.Pkcs8PrivateKey ? Rfc8410.WritePkcs8(Oid, _seed.Span) : _seed.Span.ToArray();

        public override void Dispose()
        {
            _seed.Dispose();
            _skX.Dispose();
            _mlKem.Dispose();
        }
    }
}
