// Ed448Shake256Suite: the FROST(Ed448, SHAKE256) ciphersuite.
//
// References: RFC 9591 §6.3. Group edwards448 (Ed448Group); H = SHAKE256 with 114 bytes of output;
//   H1(m) = H(contextString || "rho" || m), H3 ("nonce"), and frost-core's HDKG ("dkg") and HID ("id"): the
//           114-byte output read as a little-endian integer and reduced modulo L;
//   H2(m) = H("SigEd448" || 0 || 0 || m) reduced modulo L: dom4(0, "") of RFC 8032 §5.2 with no context string,
//           so that FROST signatures verify as plain Ed448 signatures;
//   H4(m) = H(contextString || "msg" || m), H5(m) = H(contextString || "com" || m): the 114-byte output.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>FROST(Ed448, SHAKE256), context string "FROST-ED448-SHAKE256-v1" (RFC 9591 §6.3).</summary>
internal sealed class Ed448Shake256Suite : FrostSuite
{
    /// <summary>The length of every SHAKE256 output the suite uses (RFC 9591 §6.3: 114 bytes).</summary>
    internal const int HashLength = 114;

    // dom4(0, "") of RFC 8032 §5.2: "SigEd448" || octet(0) (Ed448, not Ed448ph) || octet(0) (empty context).
    private static readonly byte[] s_dom4 = [.. "SigEd448"u8, 0x00, 0x00];

    private Ed448Shake256Suite()
        : base("FROST-ED448-SHAKE256-v1", Ed448Group.Instance)
    {
    }

    /// <summary>The one instance.</summary>
    internal static Ed448Shake256Suite Instance { get; } = new();


    /// <summary>H2(m) = SHAKE256("SigEd448" || 0 || 0 || m, 114) mod L (RFC 9591 §6.3).</summary>
    internal override Scalar H2(ReadOnlySpan<byte> m) => HashToScalar(s_dom4, m);

    /// <inheritdoc />
    protected override Scalar HashToScalar(string tag, ReadOnlySpan<byte> m) => HashToScalar(Prefix(tag), m);

    /// <inheritdoc />
    protected override byte[] Digest(string tag, ReadOnlySpan<byte> m)
    {
        byte[] digest = new byte[HashLength];
        Hash(Prefix(tag), m, digest);
        return digest;
    }

    // SHAKE256(prefix || m, 114) read as a little-endian integer and reduced modulo L.
    private Scalar HashToScalar(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> m)
    {
        Span<byte> digest = stackalloc byte[HashLength];
        try
        {
            Hash(prefix, m, digest);
            return Scalars.ReduceWide(digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(digest);
        }
    }

    private static void Hash(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> m, Span<byte> output)
    {
        var xof = Shake.Create256();
        try
        {
            xof.Absorb(prefix);
            xof.Absorb(m);
            xof.Squeeze(output);
        }
        finally
        {
            xof.Clear();
        }
    }
}
