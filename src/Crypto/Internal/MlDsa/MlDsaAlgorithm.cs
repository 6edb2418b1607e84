// ML-DSA through the one API (FIPS 204 §5): ML-DSA.KeyGen (Algorithm 1), ML-DSA.Sign / Verify (Algorithms 2, 3)
// with a context string of up to 255 bytes, hedged by default (rnd from the system RNG) or deterministic
// (rnd = 0^32), and HashML-DSA.Sign / Verify (Algorithms 4, 5) through SignPreHash. Key formats: the 32-byte seed ξ,
// the FIPS 204 pk / sk encodings, SPKI with id-ml-dsa-44/65/87, and PKCS#8 with the RFC 9881 private-key CHOICE
// seed [0] / expandedKey / both.

using System;
using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Internal.MlDsa;

internal sealed class MlDsaAlgorithm : PostQuantumSignatureAlgorithm
{
    internal MlDsaAlgorithm(MlDsaParameterSet parameters)
        : base(parameters.Name, parameters.Oid, parameters.SignatureSize, MlDsaParameterSet.SeedSize, PrivateKeyForm.SeedOrExpandedKey)
    {
        Parameters = parameters;
    }

    internal MlDsaParameterSet Parameters { get; }

    /// <summary>The seed ξ (ML-DSA.KeyGen_internal, FIPS 204 Algorithm 6), or the expanded sk with its consistency checks.</summary>
    public override SigningKeyCore ImportPrivateCore(DecodedPrivateKey key) =>
        key.IsSeed
            ? PrivateKey.FromSeed(Parameters, key.OfSize(SeedSize, Name, "the seed ξ"))
            : PrivateKey.FromExpanded(Parameters, key.Bytes, key.Format);

    public override VerificationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) => PublicKey.Decode(Parameters, publicKey, format);

    /// <summary>Writes M' = domain ‖ |ctx| ‖ ctx (‖ OID(PH) for HashML-DSA) into <paramref name="prefix"/>; returns its length.</summary>
    internal static int WritePrefix(byte domain, ReadOnlySpan<byte> context, string? hashOid, Span<byte> prefix)
    {
        prefix[0] = domain;
        prefix[1] = (byte)context.Length;
        context.CopyTo(prefix[2..]);
        int length = 2 + context.Length;
        if (hashOid is not null)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            writer.WriteObjectIdentifier(hashOid);
            length += writer.Encode(prefix[length..]);
        }

        return length;
    }

    /// <summary>The public half: pk, tr = H(pk, 64), Â and t̂1·2^d.</summary>
    internal sealed class PublicKey : VerificationKeyCore
    {
        private readonly MlDsaParameterSet _p;
        private readonly byte[] _pk;
        private readonly byte[] _tr = new byte[64];
        private readonly int[] _aHat;
        private int[]? _t1Hat; // NTT(t1·2^d), computed on first verification

        internal PublicKey(MlDsaParameterSet p, byte[] pk, int[] aHat, int[]? t1Hat, ReadOnlySpan<byte> tr = default)
        {
            _p = p;
            _pk = pk;
            _aHat = aHat;
            _t1Hat = t1Hat;
            if (tr.IsEmpty)
            {
                Shake.HashData256(pk, _tr);                 // tr = H(pk, 64), FIPS 204 Algorithm 6 step 9
            }
            else
            {
                tr.CopyTo(_tr);                             // key generation already computed it
            }
        }

        private int[] T1Hat
        {
            get
            {
                int[]? cached = Volatile.Read(ref _t1Hat);
                if (cached is null)
                {
                    // Public data: racing threads compute the same values; the first to publish wins.
                    int[] computed = new int[_p.K * 256];
                    MlDsaCore.ComputeT1Hat(_p, _pk, computed);
                    cached = Interlocked.CompareExchange(ref _t1Hat, computed, null) ?? computed;
                }

                return cached;
            }
        }

        internal override int SignatureSize => _p.SignatureSize;

        internal ReadOnlySpan<byte> Tr => _tr;

        /// <summary>pkDecode (Algorithm 23) and the caches; any 32 + 320k bytes decode.</summary>
        internal static PublicKey Decode(MlDsaParameterSet p, ReadOnlySpan<byte> pk, KeyBlobFormat format)
        {
            KeyLength.Check(pk, p.PublicKeySize, p.Name, format, "the public key");
            int[] aHat = new int[p.K * p.L * 256];
            Sampling.ExpandAVartime(pk[..32], p.K, p.L, aHat);
            return new PublicKey(p, pk.ToArray(), aHat, null);
        }

        internal override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context) =>
            VerifyWithPrefix(0, context, null, data, signature);

        internal override bool VerifyPreHash(ReadOnlySpan<byte> hash, string hashOid, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context) =>
            VerifyWithPrefix(1, context, hashOid, hash, signature);

        /// <summary>ML-DSA.Verify_internal on M' (Algorithm 8), for the ACVP internal interface.</summary>
        internal bool VerifyInternal(ReadOnlySpan<byte> messagePrime, ReadOnlySpan<byte> signature)
        {
            Span<byte> mu = stackalloc byte[64];
            MlDsaCore.ComputeMu(_tr, default, messagePrime, mu);
            return MlDsaCore.VerifyMu(_p, _aHat, T1Hat, mu, signature);
        }

        /// <summary>Verify_internal from an external μ (the ACVP external-mu interface).</summary>
        internal bool VerifyExternalMu(ReadOnlySpan<byte> mu, ReadOnlySpan<byte> signature) =>
            mu.Length == 64 && MlDsaCore.VerifyMu(_p, _aHat, T1Hat, mu, signature);

        internal override byte[] ExportRawPublicKey() => (byte[])_pk.Clone();

        internal ReadOnlySpan<int> AHat => _aHat;

        private bool VerifyWithPrefix(byte domain, ReadOnlySpan<byte> context, string? hashOid, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
        {
            if (signature.Length != _p.SignatureSize)
            {
                return false;
            }

            Span<byte> prefix = stackalloc byte[2 + 255 + 16];
            int prefixLength = WritePrefix(domain, context, hashOid, prefix);
            Span<byte> mu = stackalloc byte[64];
            MlDsaCore.ComputeMu(_tr, prefix[..prefixLength], message, mu);
            return MlDsaCore.VerifyMu(_p, _aHat, T1Hat, mu, signature);
        }
    }

    /// <summary>The private half: the sk encoding, the seed when known, and the NTT-domain secrets.</summary>
    internal sealed class PrivateKey : SigningKeyCore
    {
        private readonly MlDsaParameterSet _p;
        private readonly SecretBytes _sk;
        private readonly SecretBytes? _seed;
        private readonly int[] _s1Hat;
        private readonly object _cacheLock = new();
        private int[]? _s2Hat; // NTT(s2) and NTT(t0): computed from sk on first signing, then kept
        private int[]? _t0Hat;
        private readonly PublicKey _public;

        private PrivateKey(MlDsaParameterSet p, SecretBytes sk, SecretBytes? seed, int[] s1Hat, int[]? s2Hat, int[]? t0Hat, PublicKey publicKey)
        {
            _p = p;
            _sk = sk;
            _seed = seed;
            _s1Hat = s1Hat;
            _s2Hat = s2Hat;
            _t0Hat = t0Hat;
            _public = publicKey;
        }

        internal override int SignatureSize => _p.SignatureSize;

        /// <summary>ML-DSA.KeyGen_internal(ξ) (Algorithm 6).</summary>
        internal static PrivateKey FromSeed(MlDsaParameterSet p, ReadOnlySpan<byte> xi)
        {
            byte[] pk = new byte[p.PublicKeySize];
            var sk = new SecretBytes(p.PrivateKeySize);
            int[] aHat = new int[p.K * p.L * 256];
            int[] s1Hat = GC.AllocateArray<int>(p.L * 256, pinned: true);
            MlDsaCore.KeyGen(p, xi, pk, sk.Span, aHat, s1Hat);
            var publicKey = new PublicKey(p, pk, aHat, null, sk.Span.Slice(64, 64)); // sk = ρ ‖ K ‖ tr ‖ ...
            return new PrivateKey(p, sk, new SecretBytes(xi), s1Hat, null, null, publicKey);
        }

        /// <summary>
        /// skDecode (Algorithm 25) of an expanded key, refusing s1/s2 coefficients outside [−η, η], and a key whose
        /// t0 or tr disagree with the public key its s1, s2 and ρ determine.
        /// </summary>
        internal static PrivateKey FromExpanded(MlDsaParameterSet p, ReadOnlySpan<byte> skBytes, KeyBlobFormat format)
        {
            KeyLength.Check(skBytes, p.PrivateKeySize, p.Name, format, "the private key");
            int k = p.K;
            int l = p.L;
            Span<byte> rho = stackalloc byte[32];
            Span<byte> key = stackalloc byte[32];
            Span<byte> tr = stackalloc byte[64];
            int[] s1Hat = GC.AllocateArray<int>(l * 256, pinned: true);
            int[] s2Hat = GC.AllocateArray<int>(k * 256, pinned: true);
            int[] t0Hat = GC.AllocateArray<int>(k * 256, pinned: true);
            int[] scratch = new int[3 * k * 256];
            try
            {
                Span<int> s2 = scratch.AsSpan(0, k * 256);
                Span<int> t = scratch.AsSpan(k * 256, k * 256);
                Span<int> t0 = scratch.AsSpan(2 * k * 256, k * 256);
                if (!MlDsaEncoding.DecodePrivateKey(p, skBytes, rho, key, tr, s1Hat, s2, t0Hat))
                {
                    throw Error.Format_InvalidKey(p.Name, format, "a coefficient of s1 or s2 lies outside [−η, η]");
                }

                // Recompute t = NTT^-1(Â ∘ NTT(s1)) + s2 and check it against t0 and tr.
                int[] aHat = new int[k * l * 256];
                Sampling.ExpandAVartime(rho, k, l, aHat);
                for (int j = 0; j < l; j++)
                {
                    Native.MlDsa.MlDsaNtt.Ntt(s1Hat.AsSpan(j * 256, 256));
                }

                t.Clear();
                for (int i = 0; i < k; i++)
                {
                    Span<int> ti = t.Slice(i * 256, 256);
                    for (int j = 0; j < l; j++)
                    {
                        Native.MlDsa.MlDsaNtt.PointwiseAccumulate(aHat.AsSpan(((i * l) + j) * 256, 256), s1Hat.AsSpan(j * 256, 256), ti);
                    }

                    Native.MlDsa.MlDsaNtt.Reduce(ti);
                    Native.MlDsa.MlDsaNtt.InverseNttToMont(ti);
                }

                Native.MlDsa.MlDsaNtt.Add(t, s2);
                Native.MlDsa.MlDsaRounding.Freeze(t);
                Native.MlDsa.MlDsaRounding.Power2Round(t, t, t0);
                byte[] pk = new byte[p.PublicKeySize];
                MlDsaEncoding.EncodePublicKey(p, rho, t, pk);
                Span<byte> expectedTr = stackalloc byte[64];
                Shake.HashData256(pk, expectedTr);
                bool consistent = t0.SequenceEqual(t0Hat) & CryptographicOperations.FixedTimeEquals(expectedTr, tr);
                if (!consistent)
                {
                    throw Error.Format_InvalidKey(p.Name, format, "t0 or tr does not match the key's s1, s2 and ρ");
                }

                s2.CopyTo(s2Hat);
                int[] t1Hat = new int[k * 256];
                t.CopyTo(t1Hat);
                Native.MlDsa.MlDsaNtt.ShiftLeft(t1Hat, MlDsaParameterSet.D);
                for (int i = 0; i < k; i++)
                {
                    Native.MlDsa.MlDsaNtt.Ntt(s2Hat.AsSpan(i * 256, 256));
                    Native.MlDsa.MlDsaNtt.Ntt(t0Hat.AsSpan(i * 256, 256));
                    Native.MlDsa.MlDsaNtt.Ntt(t1Hat.AsSpan(i * 256, 256));
                }

                return new PrivateKey(p, new SecretBytes(skBytes), null, s1Hat, s2Hat, t0Hat, new PublicKey(p, pk, aHat, t1Hat, expectedTr));
            }
            catch
            {
                ClearInts(s1Hat);
                ClearInts(s2Hat);
                ClearInts(t0Hat);
                throw;
            }
            finally
            {
                ClearInts(scratch);
                CryptographicOperations.ZeroMemory(key);
            }
        }

        internal override int Sign(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode) =>
            SignWithPrefix(0, context, null, data, signature, mode);

        internal override int SignPreHash(ReadOnlySpan<byte> hash, string hashOid, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode) =>
            SignWithPrefix(1, context, hashOid, hash, signature, mode);

        /// <summary>ML-DSA.Sign_internal(sk, M', rnd) (Algorithm 7), for the ACVP internal interface.</summary>
        internal void SignInternal(ReadOnlySpan<byte> messagePrime, ReadOnlySpan<byte> rnd, Span<byte> signature)
        {
            Span<byte> mu = stackalloc byte[64];
            MlDsaCore.ComputeMu(_public.Tr, default, messagePrime, mu);
            MlDsaCore.SignMu(_p, State(), mu, rnd, signature);
        }

        /// <summary>Sign_internal from an external μ (the ACVP external-mu interface).</summary>
        internal void SignExternalMu(ReadOnlySpan<byte> mu, ReadOnlySpan<byte> rnd, Span<byte> signature) =>
            MlDsaCore.SignMu(_p, State(), mu, rnd, signature);

        internal override VerificationKeyCore CreatePublicKey() => _public;

        internal override bool HasSeed => _seed is not null;

        internal override byte[] ExportRawPrivateKey() => _sk.Span.ToArray();

        internal override byte[] ExportSeed() => _seed!.Span.ToArray();

        public override void Dispose()
        {
            _sk.Dispose();
            _seed?.Dispose();
            ClearInts(_s1Hat);
            lock (_cacheLock)
            {
                ClearInts(_s2Hat);
                ClearInts(_t0Hat);
            }
        }

        private static void ClearInts(int[]? values) => CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(values.AsSpan()));

        private MlDsaCore.SigningState State()
        {
            int[]? s2Hat = Volatile.Read(ref _s2Hat);
            int[]? t0Hat = Volatile.Read(ref _t0Hat);
            if (s2Hat is null || t0Hat is null)
            {
                lock (_cacheLock)
                {
                    if (_s2Hat is null || _t0Hat is null)
                    {
                        int[] s2 = GC.AllocateArray<int>(_p.K * 256, pinned: true);
                        int[] t0 = GC.AllocateArray<int>(_p.K * 256, pinned: true);
                        MlDsaCore.ComputeS2HatAndT0Hat(_p, _sk.Span, s2, t0);
                        Volatile.Write(ref _s2Hat, s2);
                        Volatile.Write(ref _t0Hat, t0);
                    }

                    s2Hat = _s2Hat;
                    t0Hat = _t0Hat;
                }
            }

            return new(_sk.Span.Slice(32, 32), _public.Tr, _public.AHat, _s1Hat, s2Hat, t0Hat);
        }

        private int SignWithPrefix(byte domain, ReadOnlySpan<byte> context, string? hashOid, ReadOnlySpan<byte> message, Span<byte> signature, SigningMode mode)
        {
            Span<byte> prefix = stackalloc byte[2 + 255 + 16];
            int prefixLength = WritePrefix(domain, context, hashOid, prefix);
            Span<byte> mu = stackalloc byte[64];
            Span<byte> rnd = stackalloc byte[32];
            try
            {
                MlDsaCore.ComputeMu(_public.Tr, prefix[..prefixLength], message, mu);
                if (mode != SigningMode.Deterministic)
                {
                    RandomNumberGenerator.Fill(rnd);                       // hedged (Algorithm 2 step 5)
                }

                MlDsaCore.SignMu(_p, State(), mu, rnd, signature[.._p.SignatureSize]);
                return _p.SignatureSize;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(mu);
                CryptographicOperations.ZeroMemory(rnd);
            }
        }
    }
}
