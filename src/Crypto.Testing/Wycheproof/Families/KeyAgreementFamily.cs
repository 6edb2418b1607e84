// Wycheproof key agreement: XDH (xdh_comp_schema_v1) for curve25519, raw 32-byte private scalars and public
// u-coordinates (RFC 7748 §5; the library refuses an all-zero shared secret, §6.1, so low-order public points are
// rejected); and ECDH over secp256r1, whose peer key is an RFC 5480 SubjectPublicKeyInfo (ecdh_test_schema_v1) or a
// raw SEC 1 point (ecdh_ecpoint_test_schema_v1), and whose private key is a big-endian integer in hex, sometimes with
// a leading 00 byte (ASN.1 INTEGER style) or shorter than 32 bytes: it is normalised to the 32-byte scalar of SEC 1
// §2.3.7. Each case imports the private and the public key and must give the shared secret.

using System;

namespace FintechCrypto.Testing;

/// <param name="algorithm">The library's parameter set.</param>
/// <param name="what">The file's name for the operation, for skip reasons (XDH, ECDH).</param>
/// <param name="curve">The group's curve the library has.</param>
/// <param name="library">The library's name for that curve, for skip reasons.</param>
/// <param name="publicFormat">The encoding of the peer's key in the file.</param>
/// <param name="normaliseScalar">True when the private key is an integer to normalise (ECDH), false for raw X25519 scalars.</param>
internal sealed class KeyAgreementFamily(KeyAgreementAlgorithm algorithm, string what, string curve, string library, KeyBlobFormat publicFormat, bool normaliseScalar)
    : IWycheproofFamily
{
    private const int ScalarSize = 32;

    /// <summary>XDH over curve25519.</summary>
    internal static KeyAgreementFamily Xdh() => new(KeyAgreementAlgorithm.X25519, "XDH", "curve25519", "X25519", KeyBlobFormat.RawPublicKey, normaliseScalar: false);

    /// <summary>ECDH over secp256r1, with the peer's key in <paramref name="publicFormat"/>.</summary>
    internal static KeyAgreementFamily Ecdh(KeyBlobFormat publicFormat) => new(KeyAgreementAlgorithm.EcdhP256, "ECDH", "secp256r1", "P-256", publicFormat, normaliseScalar: true);

    public string? GroupSkipReason(WycheproofGroup group) => SignatureVerifyFamily.CurveSkipReason(what, group.GetString("curve"), curve, library);

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] scalar = test.GetHex("private");
        using KeyAgreementKey key = KeyAgreementKey.Import(algorithm, normaliseScalar ? NormaliseScalar(scalar) : scalar, KeyBlobFormat.RawPrivateKey);
        using KeyAgreementPublicKey peer = KeyAgreementPublicKey.Import(algorithm, test.GetHex("public"), publicFormat);
        return CaseOutcome.Compare("the shared secret", key.Agree(peer), test.GetHex("shared"));
    }

    /// <summary>Strips leading zero bytes and left-pads to 32 bytes; a longer value is passed on for the library to refuse.</summary>
    internal static byte[] NormaliseScalar(byte[] bigEndian)
    {
        ReadOnlySpan<byte> value = bigEndian;
        while (value.Length > ScalarSize && value[0] == 0)
        {
            value = value[1..];
        }

        if (value.Length >= ScalarSize)
        {
            return value.ToArray();
        }

        byte[] padded = new byte[ScalarSize];
        value.CopyTo(padded.AsSpan(ScalarSize - value.Length));
        return padded;
    }
}
