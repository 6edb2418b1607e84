// The backend contract of the signature family: SigningKey and VerificationKey validate every argument (and hold the
// lease), the cores compute. Export, disposal and the public half are the shared key lifecycle's (Internal/Keys).

using System;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>The private half of a signature key, as one algorithm's backend holds it.</summary>
internal abstract class SigningKeyCore : PrivateKeyCore<VerificationKeyCore>
{
    /// <summary>The exact size of this key's signatures (the maximum for DER).</summary>
    internal abstract int SignatureSize { get; }

    /// <summary>Signs after the public wrapper validated every argument; returns the bytes written.</summary>
    internal abstract int Sign(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode);

    /// <summary>
    /// Signs a pre-hashed message (HashML-DSA, FIPS 204 §5.4; HashSLH-DSA, FIPS 205 §10.2.2) after the wrapper
    /// validated the arguments. Only algorithms whose <see cref="SignatureAlgorithm.SupportsPreHash"/> is true override it.
    /// </summary>
    internal virtual int SignPreHash(ReadOnlySpan<byte> hash, string hashOid, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode) =>
        throw Error.Crypto_InternalError("pre-hash signing on an algorithm without it");
}

/// <summary>The public half of a signature key, as one algorithm's backend holds it.</summary>
internal abstract class VerificationKeyCore : PublicKeyCore
{
    /// <summary>The exact size of this key's signatures (the maximum for DER).</summary>
    internal abstract int SignatureSize { get; }

    /// <summary>Verifies after the public wrapper validated the arguments; false for any invalid signature.</summary>
    internal abstract bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context);

    /// <summary>Verifies a pre-hashed signature; only algorithms with a pre-hash variant override it.</summary>
    internal virtual bool VerifyPreHash(ReadOnlySpan<byte> hash, string hashOid, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context) =>
        throw Error.Crypto_InternalError("pre-hash verification on an algorithm without it");
}
