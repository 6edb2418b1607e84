// SubjectPublicKeyInfo (RFC 5280 §4.1.1.2, §4.1.2.7), PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5208 §5,
// RFC 5958 §2) and PEM (RFC 7468) codecs, written once for every algorithm on System.Formats.Asn1.
// Decoders are strict DER, refuse trailing bytes, and turn every decoder failure into InvalidKeyEncodingException.

using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Encodings;

/// <summary>A decoded AlgorithmIdentifier plus the key bytes it describes.</summary>
/// <param name="AlgorithmOid">The algorithm OID, dotted decimal.</param>
/// <param name="Parameters">The DER of the parameters, or null when absent.</param>
/// <param name="Key">The subjectPublicKey bit string contents, or the privateKey octet string contents.</param>
internal readonly record struct DecodedKeyInfo(string AlgorithmOid, byte[]? Parameters, byte[] Key);

/// <summary>SPKI, PKCS#8 and PEM codecs shared by every key type.</summary>
internal static class KeyBlobs
{
    internal const string PemPrivateKeyLabel = "PRIVATE KEY";
    internal const string PemPublicKeyLabel = "PUBLIC KEY";

    /// <summary>SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, subjectPublicKey BIT STRING } (RFC 5280 §4.1).</summary>
    /// <param name="oid">The algorithm OID.</param>
    /// <param name="parameters">The DER of the parameters, or null when absent.</param>
    /// <param name="subjectPublicKey">The raw public key.</param>
    internal static byte[] WriteSubjectPublicKeyInfo(string oid, byte[]? parameters, ReadOnlySpan<byte> subjectPublicKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteAlgorithmIdentifier(writer, oid, parameters);
            writer.WriteBitString(subjectPublicKey);
        }

        return writer.Encode();
    }

    /// <summary>PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, privateKey OCTET STRING } (RFC 5208 §5).</summary>
    /// <param name="oid">The algorithm OID.</param>
    /// <param name="parameters">The DER of the parameters, or null when absent.</param>
    /// <param name="privateKey">The contents of the privateKey OCTET STRING.</param>
    internal static byte[] WritePkcs8(string oid, byte[]? parameters, ReadOnlySpan<byte> privateKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            WriteAlgorithmIdentifier(writer, oid, parameters);
            writer.WriteOctetString(privateKey);
        }

        // The writer's internal buffer held the private key; Encode copies it out. AsnWriter clears its
        // buffer on Reset, which we call so the secret does not linger in the pooled array.
        byte[] result = writer.Encode();
        writer.Reset();
        return result;
    }

    internal static DecodedKeyInfo ReadSubjectPublicKeyInfo(ReadOnlySpan<byte> der, string algorithm, KeyBlobFormat format)
    {
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            AsnReader spki = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            (string oid, byte[]? parameters) = ReadAlgorithmIdentifier(spki);
            byte[] key = spki.ReadBitString(out int unusedBits);
            if (unusedBits != 0)
            {
                throw Error.Format_InvalidKey(algorithm, format, "the subjectPublicKey has unused bits");
            }

            spki.ThrowIfNotEmpty();
            return new DecodedKeyInfo(oid, parameters, key);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException and not FintechCryptoException)
        {
            throw Error.Format_InvalidKey(algorithm, format, "it is not a DER SubjectPublicKeyInfo", e);
        }
    }

    internal static DecodedKeyInfo ReadPkcs8(ReadOnlySpan<byte> der, string algorithm, KeyBlobFormat format)
    {
        byte[] copy = der.ToArray();
        try
        {
            var reader = new AsnReader(copy, AsnEncodingRules.DER);
            AsnReader info = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            if (!info.TryReadInt32(out int version) || (version != 0 && version != 1))
            {
                throw Error.Format_InvalidKey(algorithm, format, "the PrivateKeyInfo version must be 0 or 1");
            }

            (string oid, byte[]? parameters) = ReadAlgorithmIdentifier(info);
            byte[] key = info.ReadOctetString();

            // attributes [0] IMPLICIT Attributes OPTIONAL; publicKey [1] IMPLICIT BIT STRING OPTIONAL (v2 only).
            var attributesTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            if (info.HasData && info.PeekTag().HasSameClassAndValue(attributesTag))
            {
                info.ReadSetOf(skipSortOrderValidation: false, attributesTag);
            }

            var publicKeyTag = new Asn1Tag(TagClass.ContextSpecific, 1);
            if (info.HasData && version == 1 && info.PeekTag().HasSameClassAndValue(publicKeyTag))
            {
                info.ReadBitString(out _, publicKeyTag);
            }

            info.ThrowIfNotEmpty();
            return new DecodedKeyInfo(oid, parameters, key);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException and not FintechCryptoException)
        {
            throw Error.Format_InvalidKey(algorithm, format, "it is not a DER PKCS#8 PrivateKeyInfo", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    /// <summary>Reads an OCTET STRING that must be the whole input (the CurvePrivateKey of RFC 8410 §7).</summary>
    internal static byte[] ReadOctetStringContents(ReadOnlySpan<byte> der, string algorithm, KeyBlobFormat format)
    {
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            byte[] value = reader.ReadOctetString();
            reader.ThrowIfNotEmpty();
            return value;
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException and not FintechCryptoException)
        {
            throw Error.Format_InvalidKey(algorithm, format, "the private key is not a DER OCTET STRING", e);
        }
    }

    internal static byte[] WriteOctetString(ReadOnlySpan<byte> value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(value);
        byte[] result = writer.Encode();
        writer.Reset();
        return result;
    }

    internal static byte[] WriteObjectIdentifier(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return writer.Encode();
    }

    /// <summary>Wraps DER in RFC 7468 PEM text and returns its ASCII bytes.</summary>
    internal static byte[] ToPem(string label, ReadOnlySpan<byte> der)
    {
        char[] pem = PemEncoding.Write(label, der);
        try
        {
            byte[] ascii = System.Text.Encoding.ASCII.GetBytes(pem);
            return ascii;
        }
        finally
        {
            Array.Clear(pem);
        }
    }

    /// <summary>Finds the one PEM block with <paramref name="label"/> in ASCII text and returns its DER.</summary>
    internal static byte[] FromPem(ReadOnlySpan<byte> pemAscii, string label, string algorithm, KeyBlobFormat format)
    {
        char[] text = new char[pemAscii.Length];
        try
        {
            for (int i = 0; i < pemAscii.Length; i++)
            {
                byte b = pemAscii[i];
                if (b > 0x7F)
                {
                    throw Error.Format_InvalidKey(algorithm, format, "PEM text must be ASCII");
                }

                text[i] = (char)b;
            }

            if (!PemEncoding.TryFind(text, out PemFields fields))
            {
                throw Error.Format_InvalidKey(algorithm, format, "no PEM block was found");
            }

            ReadOnlySpan<char> foundLabel = text.AsSpan()[fields.Label];
            if (!foundLabel.SequenceEqual(label))
            {
                throw Error.Format_InvalidKey(algorithm, format, $"the PEM label must be '{label}'");
            }

            // Refuse a second block: an ambiguous input is an error, not a choice.
            ReadOnlySpan<char> rest = text.AsSpan(fields.Location.End.GetOffset(text.Length));
            if (PemEncoding.TryFind(rest, out _))
            {
                throw Error.Format_InvalidKey(algorithm, format, "the input holds more than one PEM block");
            }

            byte[] der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(text.AsSpan()[fields.Base64Data], der, out int written) || written != der.Length)
            {
                throw Error.Format_InvalidKey(algorithm, format, "the PEM base64 payload is malformed");
            }

            return der;
        }
        finally
        {
            Array.Clear(text);
        }
    }

    /// <summary>Clears a secret copy that may not exist.</summary>
    internal static void Clear(byte[]? secret)
    {
        if (secret is not null)
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static void WriteAlgorithmIdentifier(AsnWriter writer, string oid, byte[]? parameters)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (parameters is not null)
            {
                writer.WriteEncodedValue(parameters);
            }
        }
    }

    private static (string Oid, byte[]? Parameters) ReadAlgorithmIdentifier(AsnReader reader)
    {
        AsnReader algorithmIdentifier = reader.ReadSequence();
        string oid = algorithmIdentifier.ReadObjectIdentifier();
        byte[]? parameters = null;
        if (algorithmIdentifier.HasData)
        {
            parameters = algorithmIdentifier.ReadEncodedValue().ToArray();
        }

        algorithmIdentifier.ThrowIfNotEmpty();
        return (oid, parameters);
    }
}
