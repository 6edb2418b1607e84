// The private-key CHOICE shared by the ML-KEM and ML-DSA PKCS#8 encodings (draft-ietf-lamps-kyber-certificates,
// RFC 9881):
//   PrivateKey ::= CHOICE { seed [0] IMPLICIT OCTET STRING, expandedKey OCTET STRING,
//                           both SEQUENCE { seed OCTET STRING, expandedKey OCTET STRING } }
// The sizes of seed and expandedKey are checked by the algorithm that reads them.

using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Encodings;

internal static class SeedOrExpandedKey
{
    private static readonly Asn1Tag SeedTag = new(TagClass.ContextSpecific, 0);

    /// <summary>Writes the seed [0] choice for a seed, else the expandedKey choice. The caller clears the result.</summary>
    internal static byte[] Write(ReadOnlySpan<byte> value, bool isSeed)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        if (isSeed)
        {
            writer.WriteOctetString(value, SeedTag);
        }
        else
        {
            writer.WriteOctetString(value);
        }

        byte[] encoded = writer.Encode();
        writer.Reset();
        return encoded;
    }

    /// <summary>
    /// Reads any of the three choices; <paramref name="seed"/> or <paramref name="expanded"/> is null when absent.
    /// The caller clears both.
    /// </summary>
    internal static void Read(ReadOnlySpan<byte> der, string algorithm, KeyBlobFormat format, out byte[]? seed, out byte[]? expanded)
    {
        seed = null;
        expanded = null;
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            Asn1Tag tag = reader.PeekTag();
            if (tag.HasSameClassAndValue(SeedTag))
            {
                seed = reader.ReadOctetString(SeedTag);
            }
            else if (tag.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString))
            {
                expanded = reader.ReadOctetString();
            }
            else
            {
                AsnReader both = reader.ReadSequence();
                seed = both.ReadOctetString();
                expanded = both.ReadOctetString();
                both.ThrowIfNotEmpty();
            }

            reader.ThrowIfNotEmpty();
        }
        catch (AsnContentException e)
        {
            KeyBlobs.Clear(seed);
            KeyBlobs.Clear(expanded);
            throw Error.Format_InvalidKey(algorithm, format, "the private key is not a DER seed, expandedKey or both", e);
        }
    }

    /// <summary>
    /// For the "both" choice: true when <paramref name="generated"/> (the key the seed gives) equals the stored
    /// expanded key, compared in constant time. Clears <paramref name="generated"/>.
    /// </summary>
    internal static bool Matches(byte[] generated, byte[] expanded)
    {
        bool same = generated.Length == expanded.Length && CryptographicOperations.FixedTimeEquals(generated, expanded);
        CryptographicOperations.ZeroMemory(generated);
        return same;
    }
}
