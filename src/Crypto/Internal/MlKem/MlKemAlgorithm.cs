// ML-KEM through the one API: ML-KEM.KeyGen_internal (FIPS 203 Algorithm 16), Encaps_internal (Algorithm 17) and
// Decaps_internal (Algorithm 18), with the input checks of §7.2 (encapsulation key: length and modulus) and §7.3
// (decapsulation key: length and hash), and the key formats of draft-ietf-lamps-kyber-certificates: SPKI with
// id-alg-ml-kem-*, and PKCS#8 whose privateKey is the CHOICE seed [0] / expandedKey / both.
//
// Keys keep Â and t̂ expanded, so encapsulation and decapsulation skip the matrix expansion; the outputs are
// identical to the standard's (FIPS 203 §3.3 allows any implementation that gives the same results).

using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;
using FintechCrypto.Native.MlKem;

namespace FintechCrypto.Internal.MlKem;

internal sealed class MlKemAlgorithm : KemAlgorithm, IKeyAlgorithm<DecapsulationKeyCore, EncapsulationKeyCore>
{
    internal MlKemAlgorithm(MlKemParameterSet parameters)
        : base(parameters.Name)
    {
        Parameters = parameters;
        Encoding = new KeyEncoding(parameters.Oid, null, PrivateKeyForm.SeedOrExpandedKey);
    }

    internal MlKemParameterSet Parameters { get; }

    public override int EncapsulationKeySize => Parameters.EncapsulationKeySize;

    public override int DecapsulationKeySize => Parameters.DecapsulationKeySize;

    /// <summary>Keys are generated from d ‖ z (FIPS 203 Algorithm 16).</summary>
    public override bool SupportsSeed => true;

    public override int SeedSize => MlKemParameterSet.SeedSize;

    public override int CiphertextSize => Parameters.CiphertextSize;

    public override int SharedSecretSize => MlKemParameterSet.SharedSecretSize;

    /// <summary>SPKI with id-alg-ml-kem-*; PKCS#8 with the seed / expandedKey / both CHOICE (draft-ietf-lamps-kyber-certificates).</summary>
    public KeyEncoding Encoding { get; }

    internal override IKeyAlgorithm<DecapsulationKeyCore, EncapsulationKeyCore> Keys => this;

    /// <summary>The seed d ‖ z (ML-KEM.KeyGen_internal), or the expanded dk with the §7.3 checks.</summary>
    public DecapsulationKeyCore ImportPrivateCore(DecodedPrivateKey key) =>
        key.IsSeed
            ? PrivateKey.FromSeed(Parameters, key.OfSize(SeedSize, Name, "the seed d ‖ z"))
            : PrivateKey.FromExpanded(Parameters, key.Bytes, key.Format);

    public EncapsulationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) => PublicKey.Decode(Parameters, publicKey, format);

    /// <summary>The public half: ek, H(ek), and the decoded t̂ and expanded Â.</summary>
    internal sealed class PublicKey : EncapsulationKeyCore
    {
        private readonly MlKemParameterSet _p;
        private readonly byte[] _ek;
        private byte[]? _hashEk; // H(ek), computed on first use (public data: racing threads compute the same bytes)
        private readonly short[] _tHat;
        private readonly short[] _aHat;

        private PublicKey(MlKemParameterSet p, byte[] ek, short[] tHat, short[] aHat)
        {
            _p = p;
            _ek = ek;
            _tHat = tHat;
            _aHat = aHat;
        }

        internal override int RandomnessSize => 32;

        internal ReadOnlySpan<byte> Ek => _ek;

        internal ReadOnlySpan<byte> HashEk
        {
            get
            {
                byte[]? hash = Volatile.Read(ref _hashEk);
                if (hash is null)
                {
                    byte[] computed = new byte[32];
                    MlKemHashes.H(_ek, computed);
                    hash = Interlocked.CompareExchange(ref _hashEk, computed, null) ?? computed;
                }

                return hash;
            }
        }

        internal ReadOnlySpan<short> THat => _tHat;

        internal ReadOnlySpan<short> AHat => _aHat;

        /// <summary>Decodes ek with the §7.2 checks: length 384k + 32, and ByteEncode_12(ByteDecode_12(t̂ part)) = t̂ part.</summary>
        internal static PublicKey Decode(MlKemParameterSet p, ReadOnlySpan<byte> ek, KeyBlobFormat format, ReadOnlySpan<byte> knownHashEk = default)
        {
            KeyLength.Check(ek, p.EncapsulationKeySize, p.Name, format, "the encapsulation key");
            var tHat = new short[p.K * 256];
            for (int i = 0; i < p.K; i++)
            {
                // A coefficient ≥ q is exactly the case where re-encoding would differ (the modulus check).
                if (!MlKemCodec.Decode12(ek.Slice(i * MlKemParameterSet.PolyBytes, MlKemParameterSet.PolyBytes), tHat.AsSpan(i * 256, 256)))
                {
                    throw Error.Format_InvalidKey(p.Name, format, "a coefficient of t̂ is not reduced modulo q (FIPS 203 §7.2 modulus check)");
                }
            }

            var aHat = new short[p.K * p.K * 256];
            Sampling.SampleMatrixVartime(ek[(p.K * MlKemParameterSet.PolyBytes)..], p.K, aHat);
            var key = new PublicKey(p, ek.ToArray(), tHat, aHat);
            if (!knownHashEk.IsEmpty)
            {
                key._hashEk = knownHashEk.ToArray(); // already computed and checked by the caller (§7.3)
            }

            return key;
        }

        /// <summary>Builds a key from parts key generation just computed (nothing to re-check).</summary>
        internal static PublicKey FromParts(MlKemParameterSet p, byte[] ek, short[] tHat, short[] aHat) => new(p, ek, tHat, aHat);

        /// <summary>ML-KEM.Encaps_internal(ek, m) (Algorithm 17).</summary>
        internal override void Encapsulate(ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret)
        {
            Span<byte> kr = stackalloc byte[64];
            try
            {
                MlKemHashes.G(m, HashEk, kr);                                   // step 1: (K, r) ← G(m ‖ H(ek))
                KPke.Encrypt(_p, _aHat, _tHat, m, kr[32..], ciphertext);         // step 2
                kr[..32].CopyTo(sharedSecret);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(kr);
            }
        }

        internal override byte[] ExportRawPublicKey() => (byte[])_ek.Clone();
    }

    /// <summary>
    /// The private half. One pinned secret block holds d ‖ z (64 bytes; only z when imported from an expanded key)
    /// followed by ŝ (384k bytes as 16-bit coefficients); the expanded dk = dk_PKE ‖ ek ‖ H(ek) ‖ z is kept when it
    /// was imported and otherwise encoded only when exported.
    /// </summary>
    internal sealed class PrivateKey : DecapsulationKeyCore
    {
        private const int SeedBytes = MlKemParameterSet.SeedSize;

        private readonly MlKemParameterSet _p;
        private readonly SecretBytes _secrets;  // d ‖ z ‖ ŝ
        private readonly SecretBytes? _dk;      // the imported expanded key, when there was one
        private readonly bool _hasSeed;
        private readonly PublicKey _public;

        private PrivateKey(MlKemParameterSet p, SecretBytes secrets, SecretBytes? dk, bool hasSeed, PublicKey publicKey)
        {
            _p = p;
            _secrets = secrets;
            _dk = dk;
            _hasSeed = hasSeed;
            _public = publicKey;
        }

        private ReadOnlySpan<byte> Z => _secrets.Span.Slice(32, 32);

        private ReadOnlySpan<short> SHat => MemoryMarshal.Cast<byte, short>(_secrets.Span[SeedBytes..]);

        /// <summary>ML-KEM.KeyGen_internal(d, z) (Algorithm 16) over K-PKE.KeyGen (Algorithm 13).</summary>
        internal static PrivateKey FromSeed(MlKemParameterSet p, ReadOnlySpan<byte> seed)
        {
            int k = p.K;
            var secrets = new SecretBytes(SeedBytes + (2 * k * 256));
            seed.CopyTo(secrets.Span);
            Span<short> sHat = MemoryMarshal.Cast<byte, short>(secrets.Span[SeedBytes..]);
            var aHat = new short[k * k * 256];
            var tHat = new short[k * 256];
            Span<byte> rho = stackalloc byte[32];
            KPke.KeyGen(p, seed[..32], aHat, tHat, sHat, rho);

            byte[] ek = new byte[p.EncapsulationKeySize];
            for (int i = 0; i < k; i++)
            {
                // t̂ is reduced, so its canonical form is what ByteDecode_12(ek) gives back.
                MlKemCodec.Encode12(tHat.AsSpan(i * 256, 256), ek.AsSpan(i * MlKemParameterSet.PolyBytes, MlKemParameterSet.PolyBytes));
            }

            rho.CopyTo(ek.AsSpan(k * MlKemParameterSet.PolyBytes));
            for (int i = 0; i < tHat.Length; i++)
            {
                tHat[i] = Native.MlKem.MlKemField.Canonicalize(tHat[i]);
            }

            return new PrivateKey(p, secrets, null, hasSeed: true, PublicKey.FromParts(p, ek, tHat, aHat));
        }

        /// <summary>Imports the expanded dk with the §7.3 checks: length 768k + 96 and H(ek part) = h part.</summary>
        internal static PrivateKey FromExpanded(MlKemParameterSet p, ReadOnlySpan<byte> dk, KeyBlobFormat format)
        {
            KeyLength.Check(dk, p.DecapsulationKeySize, p.Name, format, "the decapsulation key");
            int k = p.K;
            int ekOffset = k * MlKemParameterSet.PolyBytes;
            ReadOnlySpan<byte> ek = dk.Slice(ekOffset, p.EncapsulationKeySize);
            ReadOnlySpan<byte> h = dk.Slice(ekOffset + p.EncapsulationKeySize, 32);
            Span<byte> hashEk = stackalloc byte[32];
            MlKemHashes.H(ek, hashEk);
            if (!CryptographicOperations.FixedTimeEquals(hashEk, h))
            {
                throw Error.Format_InvalidKey(p.Name, format, "H(ek) does not match the hash stored in the key (FIPS 203 §7.3 hash check)");
            }

            PublicKey publicKey = PublicKey.Decode(p, ek, format, hashEk);
            var secrets = new SecretBytes(SeedBytes + (2 * k * 256));
            dk[^32..].CopyTo(secrets.Span.Slice(32, 32)); // z; d is unknown
            Span<short> sHat = MemoryMarshal.Cast<byte, short>(secrets.Span[SeedBytes..]);
            for (int i = 0; i < k; i++)
            {
                // dk_PKE is secret and not subject to the modulus check; values up to 4095 stay within the
                // bounds of the Montgomery multiplication (|a·b| < q·2^15).
                MlKemCodec.Decode12(dk.Slice(i * MlKemParameterSet.PolyBytes, MlKemParameterSet.PolyBytes), sHat.Slice(i * 256, 256));
            }

            return new PrivateKey(p, secrets, new SecretBytes(dk), hasSeed: false, publicKey);
        }

        /// <summary>ML-KEM.Decaps_internal(dk, c) (Algorithm 18); implicit rejection is a constant-time select.</summary>
        internal override void Decapsulate(ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
        {
            int ctSize = _p.CiphertextSize;
            Span<byte> m = stackalloc byte[32];
            Span<byte> kr = stackalloc byte[64];
            Span<byte> kBar = stackalloc byte[32];
            Span<byte> cPrimeBuffer = stackalloc byte[1568];
            Span<byte> cPrime = cPrimeBuffer[..ctSize];
            try
            {
                ReadOnlySpan<byte> z = Z;
                KPke.Decrypt(_p, SHat, ciphertext, m);                                   // step 7
                MlKemHashes.G(m, _public.HashEk, kr);                                      // step 8
                MlKemHashes.J(z, ciphertext, kBar);                                        // step 9
                KPke.Encrypt(_p, _public.AHat, _public.THat, m, kr[32..], cPrime);         // step 10

                // Steps 11-13: if c ≠ c' then K' ← K̄, as a mask over all 32 bytes.
                bool equal = CryptographicOperations.FixedTimeEquals(ciphertext, cPrime);
                byte mask = (byte)(equal ? 0x00 : 0xFF);
                for (int i = 0; i < 32; i++)
                {
                    sharedSecret[i] = (byte)(kr[i] ^ (mask & (kr[i] ^ kBar[i])));
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(m);
                CryptographicOperations.ZeroMemory(kr);
                CryptographicOperations.ZeroMemory(kBar);
                CryptographicOperations.ZeroMemory(cPrime);
            }
        }

        internal override bool HasSeed => _hasSeed;

        internal override EncapsulationKeyCore CreatePublicKey() => _public;

        internal override byte[] ExportRawPrivateKey() => ExpandedKey();

        internal override byte[] ExportSeed() => _secrets.Span[..SeedBytes].ToArray();

        public override void Dispose()
        {
            _secrets.Dispose();
            _dk?.Dispose();
        }

        /// <summary>dk = ByteEncode_12(ŝ) ‖ ek ‖ H(ek) ‖ z (Algorithm 16 step 3); the caller clears it.</summary>
        private byte[] ExpandedKey()
        {
            if (_dk is not null)
            {
                return _dk.Span.ToArray();
            }

            byte[] dk = new byte[_p.DecapsulationKeySize];
            ReadOnlySpan<short> sHat = SHat;
            for (int i = 0; i < _p.K; i++)
            {
                MlKemCodec.Encode12(sHat.Slice(i * 256, 256), dk.AsSpan(i * MlKemParameterSet.PolyBytes, MlKemParameterSet.PolyBytes));
            }

            int offset = _p.K * MlKemParameterSet.PolyBytes;
            _public.Ek.CopyTo(dk.AsSpan(offset));
            offset += _p.EncapsulationKeySize;
            _public.HashEk.CopyTo(dk.AsSpan(offset));
            Z.CopyTo(dk.AsSpan(offset + 32));
            return dk;
        }
    }
}
