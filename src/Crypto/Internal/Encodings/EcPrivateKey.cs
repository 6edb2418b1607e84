// RFC 5915 §3 ECPrivateKey, the private-key form of PKCS#8 for id-ecPublicKey (RFC 5480):
//   ECPrivateKey ::= SEQUENCE { version INTEGER { ecPrivkeyVer1(1) }, privateKey OCTET STRING,
//                               parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
// Written as .NET and OpenSSL write it inside PKCS#8: version 1, the scalar, the public point, no parameters (the
// AlgorithmIdentifier names the curve). Read strictly (DER); parameters, when present, must name the same curve.

using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Encodings;

internal static class EcPrivateKey
{
    private static readonly Asn1Tag ParametersTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag PublicKeyTag = new(TagClass.ContextSpecific, 1, isConstructed: true);

    /// <summary>Writes version 1, <paramref name="privateKey"/> and <paramref name="publicKey"/>; the caller clears the result.</summary>
    internal static byte[] Write(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(privateKey);
            using (writer.PushSequence(PublicKeyTag))
            {
                writer.WriteBitString(publicKey);
            }
        }

        byte[] encoded = writer.Encode();
        writer.Reset();
        return encoded;
    }

    /// <summary>Returns the private key (the caller clears it) and the public key stored beside it, if any.</summary>
    /// <param name="der">The ECPrivateKey.</param>
    /// <param name="curveParameters">The curve's parameters as the AlgorithmIdentifier holds them.</param>
    /// <param name="algorithm">The algorithm, for messages.</param>
    /// <param name="format">The caller's format, for messages.</param>
    /// <param name="publicKey">The publicKey bit string's contents, or null when absent.</param>
    internal static byte[] Read(ReadOnlySpan<byte> der, byte[]? curveParameters, string algorithm, KeyBlobFormat format, out byte[]? publicKey)
    {
        publicKey = null;
        byte[]? privateKey = null;
        byte[] copy = der.ToArray();
        try
        {
            var reader = new AsnReader(copy, AsnEncodingRules.DER);
            AsnReader sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            if (!sequence.TryReadInt32(out int version) || version != 1)
            {
                throw Error.Format_InvalidKey(algorithm, format, "the ECPrivateKey version must be 1 (RFC 5915 §3)");
            }

            privateKey = sequence.ReadOctetString();
            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(ParametersTag))
            {
                AsnReader parameters = sequence.ReadSequence(ParametersTag);
                ReadOnlyMemory<byte> curve = parameters.ReadEncodedValue();
                parameters.ThrowIfNotEmpty();
                if (curveParameters is null || !curve.Span.SequenceEqual(curveParameters))
                {
                    throw Error.Format_InvalidKey(algorithm, format, "the ECPrivateKey names another curve");
                }
            }

            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(PublicKeyTag))
            {
                AsnReader publicKeyReader = sequence.ReadSequence(PublicKeyTag);
                publicKey = publicKeyReader.ReadBitString(out int unusedBits);
                publicKeyReader.ThrowIfNotEmpty();
                if (unusedBits != 0)
                {
                    throw Error.Format_InvalidKey(algorithm, format, "the ECPrivateKey's publicKey has unused bits");
                }
            }

            sequence.ThrowIfNotEmpty();
            return privateKey;
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException and not FintechCryptoException)
        {
            KeyBlobs.Clear(privateKey);
            throw Error.Format_InvalidKey(algorithm, format, "it is not a DER ECPrivateKey (RFC 5915)", e);
        }
        catch
        {
            KeyBlobs.Clear(privateKey);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }
}
