// P-256 (secp256r1, FIPS 186-5 / SEC 2 §2.4.2) key encodings shared by ECDSA and ECDH.
// Public points: SEC 1 §2.3.3/§2.3.4 (uncompressed 04||X||Y; compressed 02/03||X accepted on import) and
// RFC 5480 SubjectPublicKeyInfo with id-ecPublicKey and the namedCurve secp256r1 (explicit curves refused).
// Private keys: the raw 32-byte scalar d with 1 <= d < n, or PKCS#8 holding an RFC 5915 ECPrivateKey.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encoding;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;
using BcECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace FintechCrypto.Internal.Classical;

internal static class P256
{
    internal const int ScalarSize = 32;
    internal const int UncompressedPointSize = 65;

    internal static readonly X9ECParameters Domain = ECNamedCurveTable.GetByName("secp256r1");

    /// <summary>Decodes and validates a SEC 1 point: on the curve, not the point at infinity.</summary>
    internal static ECPoint DecodePoint(ReadOnlySpan<byte> encoded, string algorithm, KeyBlobFormat format)
    {
        bool uncompressed = encoded.Length == UncompressedPointSize && encoded[0] == 0x04;
        bool compressed = encoded.Length == ScalarSize + 1 && (encoded[0] == 0x02 || encoded[0] == 0x03);
        if (!uncompressed && !compressed)
        {
            throw Error.Format_InvalidKey(algorithm, format, "a P-256 point is 04||X||Y (65 bytes) or 02/03||X (33 bytes), SEC 1 §2.3.3");
        }

        BcECPoint point;
        try
        {
            point = Domain.Curve.DecodePoint(encoded.ToArray()).Normalize();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or ArithmeticException)
        {
            throw Error.Format_InvalidKey(algorithm, format, "it is not a point of P-256", e);
        }

        if (point.IsInfinity || !point.IsValid())
        {
            throw Error.Format_InvalidKey(algorithm, format, "it is not a point of P-256");
        }

        return new ECPoint
        {
            X = point.AffineXCoord.GetEncoded(),
            Y = point.AffineYCoord.GetEncoded(),
        };
    }

    /// <summary>Reads an RFC 5480 SubjectPublicKeyInfo for P-256 and returns the point.</summary>
    internal static ECPoint ReadSubjectPublicKeyInfo(ReadOnlySpan<byte> der, string algorithm, KeyBlobFormat format)
    {
        DecodedKeyInfo info = KeyBlobs.ReadSubjectPublicKeyInfo(der, algorithm, format);
        if (info.AlgorithmOid != Oids.EcPublicKey)
        {
            throw Error.Format_InvalidKey(algorithm, format, "the algorithm is not id-ecPublicKey");
        }

        if (info.Parameters is null || !info.Parameters.AsSpan().SequenceEqual(NamedCurveParameters))
        {
            throw Error.Format_InvalidKey(algorithm, format, "the curve must be the named curve secp256r1");
        }

        return DecodePoint(info.Key, algorithm, format);
    }

    internal static byte[] NamedCurveParameters { get; } = KeyBlobs.WriteObjectIdentifier(Oids.Secp256r1);

    internal static byte[] EncodeUncompressed(ECPoint q)
    {
        byte[] encoded = new byte[UncompressedPointSize];
        encoded[0] = 0x04;
        q.X!.CopyTo(encoded.AsSpan(1));
        q.Y!.CopyTo(encoded.AsSpan(1 + ScalarSize));
        return encoded;
    }

    /// <summary>Builds full key parameters from a raw private scalar; refuses d = 0 and d >= n.</summary>
    internal static ECParameters FromPrivateScalar(ReadOnlySpan<byte> d, string algorithm, KeyBlobFormat format)
    {
        if (d.Length != ScalarSize)
        {
            throw Error.Format_InvalidKey(algorithm, format, $"the private scalar must be {ScalarSize} bytes, not {d.Length}");
        }

        byte[] dBytes = d.ToArray();
        var scalar = new BigInteger(1, dBytes);
        if (scalar.SignValue == 0 || scalar.CompareTo(Domain.N) >= 0)
        {
            CryptographicOperations.ZeroMemory(dBytes);
            throw Error.Format_InvalidKey(algorithm, format, "the private scalar must be in [1, n-1]");
        }

        // Q = d*G with BouncyCastle's fixed-point comb, whose table lookups are constant time.
        BcECPoint q = new FixedPointCombMultiplier().Multiply(Domain.G, scalar).Normalize();
        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = dBytes,
            Q = new ECPoint { X = q.AffineXCoord.GetEncoded(), Y = q.AffineYCoord.GetEncoded() },
        };
    }

    /// <summary>True when the parameters are on the named curve P-256.</summary>
    internal static bool IsP256(ECParameters parameters) =>
        parameters.Curve.IsNamed
        && (parameters.Curve.Oid.Value == Oids.Secp256r1
            || parameters.Curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "ECDH_P256" or "prime256v1" or "secp256r1");

    internal static void Clear(ECParameters parameters)
    {
        if (parameters.D is not null)
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>Creates a provider key from a raw private scalar (ECDSA or ECDH).</summary>
    internal static T ImportRawPrivate<T>(ReadOnlySpan<byte> d, Func<ECParameters, T> create, string algorithm, KeyBlobFormat format)
        where T : ECAlgorithm
    {
        ECParameters parameters = FromPrivateScalar(d, algorithm, format);
        try
        {
            return create(parameters);
        }
        catch (CryptographicException e)
        {
            throw Error.Format_InvalidKey(algorithm, format, "the provider refused the key", e);
        }
        finally
        {
            Clear(parameters);
        }
    }

    /// <summary>Creates a provider key from PKCS#8 (RFC 5915 ECPrivateKey), refusing curves other than P-256.</summary>
    internal static T ImportPkcs8<T>(ReadOnlySpan<byte> blob, T key, string algorithm, KeyBlobFormat format)
        where T : ECAlgorithm
    {
        try
        {
            // Check the AlgorithmIdentifier ourselves first: the provider answers curves it does not know with
            // PlatformNotSupportedException, which is not a statement about the input.
            DecodedKeyInfo info = KeyBlobs.ReadPkcs8(blob, algorithm, format);
            CryptographicOperations.ZeroMemory(info.Key);
            if (info.AlgorithmOid != Oids.EcPublicKey || info.Parameters is null || !info.Parameters.AsSpan().SequenceEqual(NamedCurveParameters))
            {
                throw Error.Format_InvalidKey(algorithm, format, "the algorithm must be id-ecPublicKey on the named curve secp256r1");
            }

            key.ImportPkcs8PrivateKey(blob, out int read);
            if (read != blob.Length)
            {
                throw Error.Format_InvalidKey(algorithm, format, "trailing bytes follow the PKCS#8 structure");
            }

            if (!IsP256(key.ExportParameters(false)))
            {
                throw Error.Format_InvalidKey(algorithm, format, "the key is not on the named curve P-256");
            }

            return key;
        }
        catch (Exception e) when (e is CryptographicException and not FintechCryptoException || e is System.Formats.Asn1.AsnContentException || e is PlatformNotSupportedException)
        {
            key.Dispose();
            throw Error.Format_InvalidKey(algorithm, format, "it is not a PKCS#8 P-256 private key", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Creates a provider public key from a raw SEC 1 point or an SPKI.</summary>
    internal static T ImportPublic<T>(ReadOnlySpan<byte> blob, Func<ECParameters, T> create, string algorithm, KeyBlobFormat format)
        where T : ECAlgorithm
    {
        ECPoint q = format == KeyBlobFormat.RawPublicKey
            ? DecodePoint(blob, algorithm, format)
            : ReadSubjectPublicKeyInfo(blob, algorithm, format);
        try
        {
            return create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = q });
        }
        catch (CryptographicException e)
        {
            throw Error.Format_InvalidKey(algorithm, format, "the provider refused the point", e);
        }
    }

    /// <summary>Exports the raw private scalar d (the caller clears it) or PKCS#8.</summary>
    internal static byte[] ExportPrivate(ECAlgorithm key, KeyBlobFormat format)
    {
        if (format == KeyBlobFormat.Pkcs8PrivateKey)
        {
            return key.ExportPkcs8PrivateKey();
        }

        ECParameters parameters = key.ExportParameters(true);
        try
        {
            return (byte[])parameters.D!.Clone();
        }
        finally
        {
            Clear(parameters);
        }
    }

    /// <summary>Exports the SPKI or the uncompressed SEC 1 point.</summary>
    internal static byte[] ExportPublic(ECAlgorithm key, KeyBlobFormat format) =>
        format == KeyBlobFormat.SubjectPublicKeyInfo
            ? key.ExportSubjectPublicKeyInfo()
            : EncodeUncompressed(key.ExportParameters(false).Q);
}
