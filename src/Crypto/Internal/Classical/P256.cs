// P-256 (secp256r1, FIPS 186-5 / SEC 2 §2.4.2) key encodings shared by ECDSA and ECDH.
// Public points: SEC 1 §2.3.3/§2.3.4 (uncompressed 04||X||Y; compressed 02/03||X accepted on import) and
// RFC 5480 SubjectPublicKeyInfo with id-ecPublicKey and the namedCurve secp256r1 (explicit curves refused).
// Private keys: the raw 32-byte scalar d with 1 <= d < n, or PKCS#8 holding an RFC 5915 ECPrivateKey.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
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

    /// <summary>The AlgorithmIdentifier parameters of RFC 5480 §2.1.1: the namedCurve secp256r1 (explicit curves are refused).</summary>
    internal static byte[] NamedCurveParameters { get; } = KeyBlobs.WriteObjectIdentifier(Oids.Secp256r1);

    /// <summary>RFC 5480 SubjectPublicKeyInfo (the SEC 1 point) and PKCS#8 holding an RFC 5915 ECPrivateKey.</summary>
    internal static KeyEncoding Encoding { get; } = new(Oids.EcPublicKey, NamedCurveParameters, PrivateKeyForm.EcPrivateKey, "id-ecPublicKey on the named curve secp256r1");

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

    /// <summary>
    /// Creates a provider key (ECDSA or ECDH) from the private scalar d, refusing a public point stored beside it
    /// (RFC 5915's publicKey) that is not d·G.
    /// </summary>
    internal static T ImportPrivate<T>(DecodedPrivateKey key, Func<ECParameters, T> create, string algorithm)
        where T : ECAlgorithm
    {
        ECParameters parameters = FromPrivateScalar(key.Bytes, algorithm, key.Format);
        try
        {
            if (!key.PublicKey.IsEmpty && !key.PublicKey.SequenceEqual(EncodeUncompressed(parameters.Q)))
            {
                throw Error.Format_InvalidKey(algorithm, key.Format, "the public key stored with the private key is not its public key");
            }

            return create(parameters);
        }
        catch (CryptographicException e) when (e is not FintechCryptoException)
        {
            throw Error.Format_InvalidKey(algorithm, key.Format, "the provider refused the key", e);
        }
        finally
        {
            Clear(parameters);
        }
    }

    /// <summary>Creates a provider public key from a SEC 1 point.</summary>
    internal static T ImportPublic<T>(ReadOnlySpan<byte> point, Func<ECParameters, T> create, string algorithm, KeyBlobFormat format)
        where T : ECAlgorithm
    {
        ECPoint q = DecodePoint(point, algorithm, format);
        try
        {
            return create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = q });
        }
        catch (CryptographicException e)
        {
            throw Error.Format_InvalidKey(algorithm, format, "the provider refused the point", e);
        }
    }

    /// <summary>The raw private scalar d, 32 bytes; the caller clears it.</summary>
    internal static byte[] ExportPrivateScalar(ECAlgorithm key)
    {
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

    /// <summary>The uncompressed SEC 1 point 04 ‖ X ‖ Y.</summary>
    internal static byte[] ExportPoint(ECAlgorithm key) => EncodeUncompressed(key.ExportParameters(false).Q);
}
