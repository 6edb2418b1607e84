// Wycheproof ECDH over secp256r1: ecdh_test_schema_v1 gives the peer key as an RFC 5480 SubjectPublicKeyInfo,
// ecdh_ecpoint_test_schema_v1 as a raw SEC 1 point. The private key is a big-endian integer in hex, sometimes with a
// leading 00 byte (ASN.1 INTEGER style) or shorter than 32 bytes; it is normalised to the 32-byte scalar of SEC 1 §2.3.7.

using System;

namespace FintechCrypto.Testing;

internal sealed class EcdhFamily : IWycheproofFamily
{
    private const int ScalarSize = 32;
    private readonly KeyBlobFormat _publicFormat;

    internal EcdhFamily(KeyBlobFormat publicFormat)
    {
        _publicFormat = publicFormat;
    }

    public string? GroupSkipReason(WycheproofGroup group)
    {
        string? curve = group.GetString("curve");
        return curve == "secp256r1" ? null : $"ECDH over '{curve}' is not supported (the library has P-256 only)";
    }

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] scalar = NormaliseScalar(test.GetHex("private"));
        using KeyAgreementKey key = KeyAgreementKey.Import(KeyAgreementAlgorithm.EcdhP256, scalar, KeyBlobFormat.RawPrivateKey);
        using KeyAgreementPublicKey peer = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.EcdhP256, test.GetHex("public"), _publicFormat);
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
