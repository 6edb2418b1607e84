// Ed25519 (RFC 8032 §5.1, PureEdDSA) on our own edwards25519 arithmetic (Internal/Curve25519 over the
// Field25519 kernels of src/Crypto.Native). Encodings: RFC 8410 §4 (SPKI) and §7 (PKCS#8,
// CurvePrivateKey OCTET STRING inside the privateKey OCTET STRING); no algorithm parameters.

using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.Classical;

internal sealed class Ed25519SignatureAlgorithm : SignatureAlgorithm, IKeyAlgorithm<SigningKeyCore, VerificationKeyCore>
{
    internal const int PrivateKeySize = 32;
    internal const int PublicKeySize = 32;
    internal const int SigSize = 64;

    private static readonly KeyEncoding s_encoding = KeyEncoding.Rfc8410(Oids.Ed25519);

    internal Ed25519SignatureAlgorithm()
        : base("Ed25519")
    {
    }

    public override int SignatureSize => SigSize;

    /// <summary>The RFC 8032 private key is itself a 32-byte seed.</summary>
    public override bool SupportsSeed => true;

    public override int SeedSize => PrivateKeySize;

    public KeyEncoding Encoding => s_encoding;

    internal override IKeyAlgorithm<SigningKeyCore, VerificationKeyCore> Keys => this;

    /// <summary>The raw key and the seed are the same 32 bytes (RFC 8032 §5.1.5; RFC 8410 §7 wraps them in PKCS#8).</summary>
    public SigningKeyCore ImportPrivateCore(DecodedPrivateKey key) => new PrivateKey(key.OfSize(PrivateKeySize, Name, "it"));

    public VerificationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) => PublicKey.Decode(publicKey, Name, format);

    /// <summary>
    /// The cofactored equations of the items at once (Ed25519BatchVerification, RFC 8032 §5.1.7). Items whose key has
    /// its precomputed tables (it verified before) are verified alone: with the tables a single verification costs no
    /// more than its share of a combination. A combination of one item is a single verification too.
    /// </summary>
    internal override bool VerifyBatch(ReadOnlySpan<BatchVerificationItem> items)
    {
        var entries = new List<Ed25519BatchVerification.Entry>(items.Length);
        foreach (BatchVerificationItem item in items)
        {
            var key = (PublicKey)item.Key.Core;
            if (key.HasTables)
            {
                if (!key.Verify(item.Message.Span, item.Signature.Span, default))
                {
                    return false;
                }
            }
            else
            {
                entries.Add(new(key.Point, key.Encoded, item.Message, item.Signature));
            }
        }

        return entries.Count switch
        {
            0 => true,
            1 => entries[0].Verify(),
            _ => Ed25519BatchVerification.Verify(CollectionsMarshal.AsSpan(entries)),
        };
    }

    private sealed class PrivateKey : SigningKeyCore
    {
        private readonly SecretBytes _seed;
        private readonly SecretBytes _expanded; // RFC 8032 §5.1.5: the clamped scalar s, then the prefix
        private readonly byte[] _publicKey = new byte[PublicKeySize];

        internal PrivateKey(ReadOnlySpan<byte> seed)
        {
            _seed = new SecretBytes(seed);
            _expanded = new SecretBytes(64);
            Ed25519Core.ExpandSeed(_seed.Span, _expanded.Span[..32], _expanded.Span[32..]);
            Ed25519Core.PublicKeyFromScalar(_expanded.Span[..32], _publicKey);
        }

        internal override int SignatureSize => SigSize;

        internal override int Sign(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode)
        {
            // RFC 8032 §5.1.6; Ed25519 is deterministic in either mode.
            Ed25519Core.Sign(_expanded.Span[..32], _expanded.Span[32..], _publicKey, data, signature[..SigSize]);
            return SigSize;
        }

        internal override bool HasSeed => true;

        internal override VerificationKeyCore CreatePublicKey() => PublicKey.Decode(_publicKey, "Ed25519", KeyBlobFormat.RawPublicKey);

        internal override byte[] ExportRawPrivateKey() => _seed.Span.ToArray();

        internal override byte[] ExportSeed() => _seed.Span.ToArray();

        public override void Dispose()
        {
            _seed.Dispose();
            _expanded.Dispose();
        }
    }

    private sealed class PublicKey : VerificationKeyCore
    {
        private readonly byte[] _encoded;
        private readonly ExtendedPoint _point;
        private EdwardsPrecomputedPoint? _tables; // built on the second verification (public data)
        private int _verifications;

        private PublicKey(byte[] encoded, in ExtendedPoint point)
        {
            _encoded = encoded;
            _point = point;
        }

        internal override int SignatureSize => SigSize;

        /// <summary>A, decoded.</summary>
        internal ExtendedPoint Point => _point;

        /// <summary>A's encoding.</summary>
        internal byte[] Encoded => _encoded;

        /// <summary>True once the key has built its verification tables (on its second verification).</summary>
        internal bool HasTables => _tables is not null;

        internal static PublicKey Decode(ReadOnlySpan<byte> encoded, string algorithm, KeyBlobFormat format)
        {
            KeyLength.Check(encoded, PublicKeySize, algorithm, format, "the public key");
            // RFC 8032 §5.1.3: the encoding must decode to a point on the curve, with y < p.
            if (!EdwardsEncoding.TryDecompress(encoded, out ExtendedPoint point))
            {
                throw Error.Format_InvalidKey(algorithm, format, "it does not decode to a point of edwards25519 (RFC 8032 §5.1.3)");
            }

            // A point of small order ([8]A = identity: the identity, the point of order 2, the two of order 4 and the
            // four of order 8) makes [k]A take at most 8 values whatever the message, so one signature (R = identity,
            // S = 0 for the identity key) verifies every message. RFC 8032 §5.1.7 does not exclude such keys; we
            // refuse them at import, as libsodium's crypto_sign_verify does (ge25519_has_small_order), so a registered
            // key can never make signatures meaningless. Non-canonical encodings of these points (y >= p, x = 0 with
            // the sign bit set) were already refused by TryDecompress above. Variable time: a public key is public.
            if (Ed25519Core.HasSmallOrderVartime(point))
            {
                throw Error.Format_InvalidKey(algorithm, format, "it is a point of small order ([8]A is the identity), which would let one signature verify every message");
            }

            return new PublicKey(encoded.ToArray(), point);
        }

        internal override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
        {
            // RFC 8032 §5.1.7: a signature of any other length is invalid; S >= L is refused inside.
            // A key that verifies more than once gets precomputed tables of -A (about 200 doublings once),
            // which make each later verification about twice as fast; a one-shot key does not pay for them.
            EdwardsPrecomputedPoint? tables = _tables;
            if (tables is null && System.Threading.Interlocked.Increment(ref _verifications) > 1)
            {
                tables = Ed25519Core.PrecomputeVerificationTables(_point);
                _tables = tables;
            }

            return tables is null
                ? Ed25519Core.Verify(_point, _encoded, data, signature)
                : Ed25519Core.Verify(tables, _encoded, data, signature);
        }

        internal override byte[] ExportRawPublicKey() => (byte[])_encoded.Clone();
    }
}
