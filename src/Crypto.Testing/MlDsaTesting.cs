// The derandomized and internal interfaces of ML-DSA (FIPS 204), exposed for known-answer tests only:
//   ML-DSA.Sign_internal(sk, M', rnd) and ML-DSA.Verify_internal(pk, M', σ) (§6.2, §6.3, Algorithms 7 and 8), which
//   NIST ACVP tests on a message M' it formatted itself;
//   the same two from an external μ = H(tr ‖ M', 64) (Algorithm 7 step 6 done by the caller; the ACVP "externalMu"
//   interface and the Wycheproof "Internal" cases);
//   ML-DSA.Sign / HashML-DSA.Sign (§5.2, §5.4, Algorithms 2 and 4) with a caller-chosen rnd instead of fresh random
//   bytes (step 5), which reproduce hedged known-answer signatures.
// Production code calls SigningKey.Sign / SignPreHash, which build M' from the message and context and draw rnd from
// the system's generator (FIPS 204 §3.6.1: the hedged variant is the default), or use the deterministic variant.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.MlDsa;

namespace FintechCrypto.Testing;

/// <summary>
/// TESTING ONLY: ML-DSA's internal interface (on a pre-formatted M' or an external μ) and signing with caller-chosen
/// randomness, so that known-answer vectors (NIST ACVP, Wycheproof) can be reproduced. A signature made through
/// <c>SignInternalForTesting</c> on a message the caller formatted itself is not an ML-DSA signature of that message
/// under any context, and reusing an <c>rnd</c> value gives up the hedging FIPS 204 §3.6.1 relies on; never use this
/// class outside tests. Use <see cref="SigningKey.Sign(ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte}, SigningMode)"/>
/// everywhere else.
/// </summary>
public static class MlDsaTesting
{
    /// <summary>The size of μ (FIPS 204 Algorithm 7 step 6: H(tr ‖ M', 64)).</summary>
    public const int MuSize = 64;

    /// <summary>The size of the signing randomness rnd (FIPS 204 Algorithm 2 step 5).</summary>
    public const int RandomnessSize = 32;

    private const int MaxContextSize = 255;

    /// <summary>TESTING ONLY: ML-DSA.Sign_internal(sk, M', rnd) (FIPS 204 Algorithm 7) on a message M' the caller formatted.</summary>
    /// <param name="key">An ML-DSA private key.</param>
    /// <param name="messagePrime">M'.</param>
    /// <param name="rnd">32 bytes; all zero for the deterministic variant.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not ML-DSA, or <paramref name="rnd"/> is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static byte[] SignInternalForTesting(SigningKey key, ReadOnlySpan<byte> messagePrime, ReadOnlySpan<byte> rnd)
    {
        MlDsaAlgorithm.PrivateKey core = Private(key);
        CheckLength(rnd, RandomnessSize, nameof(rnd));
        byte[] signature = new byte[key.Algorithm.SignatureSize];
        core.SignInternal(messagePrime, rnd, signature);
        return signature;
    }

    /// <summary>TESTING ONLY: Sign_internal from an external μ (FIPS 204 Algorithm 7 with step 6 done by the caller).</summary>
    /// <param name="key">An ML-DSA private key.</param>
    /// <param name="mu">μ, 64 bytes.</param>
    /// <param name="rnd">32 bytes; all zero for the deterministic variant.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not ML-DSA, or a length is wrong.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static byte[] SignExternalMuForTesting(SigningKey key, ReadOnlySpan<byte> mu, ReadOnlySpan<byte> rnd)
    {
        MlDsaAlgorithm.PrivateKey core = Private(key);
        CheckLength(mu, MuSize, nameof(mu));
        CheckLength(rnd, RandomnessSize, nameof(rnd));
        byte[] signature = new byte[key.Algorithm.SignatureSize];
        core.SignExternalMu(mu, rnd, signature);
        return signature;
    }

    /// <summary>
    /// TESTING ONLY: ML-DSA.Sign(sk, M, ctx) (FIPS 204 Algorithm 2) with the given rnd in place of fresh random bytes:
    /// Sign_internal on M' = 0 ‖ |ctx| ‖ ctx ‖ M. With rnd = 0³² it equals <see cref="SigningMode.Deterministic"/>.
    /// </summary>
    /// <param name="key">An ML-DSA private key.</param>
    /// <param name="message">M.</param>
    /// <param name="context">ctx, 0-255 bytes.</param>
    /// <param name="rnd">32 bytes.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not ML-DSA, the context is longer than 255 bytes, or <paramref name="rnd"/> is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static byte[] SignWithRandomnessForTesting(SigningKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> rnd)
    {
        MlDsaAlgorithm.PrivateKey core = Private(key);
        CheckContext(context);
        CheckLength(rnd, RandomnessSize, nameof(rnd));
        byte[] messagePrime = FormatMessage(0, context, null, message);
        byte[] signature = new byte[key.Algorithm.SignatureSize];
        core.SignInternal(messagePrime, rnd, signature);
        return signature;
    }

    /// <summary>
    /// TESTING ONLY: HashML-DSA.Sign(sk, M, ctx, PH) (FIPS 204 Algorithm 4) on PH(M) with the given rnd in place of
    /// fresh random bytes: Sign_internal on M' = 1 ‖ |ctx| ‖ ctx ‖ OID(PH) ‖ PH(M). With rnd = 0³² it equals
    /// <see cref="SigningKey.SignPreHash"/> with <see cref="SigningMode.Deterministic"/>.
    /// </summary>
    /// <param name="key">An ML-DSA private key.</param>
    /// <param name="hash">PH(M), exactly the output length of <paramref name="hashAlgorithm"/>.</param>
    /// <param name="hashAlgorithm">The pre-hash, a name <see cref="SigningKey.SignPreHash"/> accepts.</param>
    /// <param name="context">ctx, 0-255 bytes.</param>
    /// <param name="rnd">32 bytes.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not ML-DSA, the hash is unsupported or of the wrong length, the context is longer than 255 bytes, or <paramref name="rnd"/> is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static byte[] SignPreHashWithRandomnessForTesting(SigningKey key, ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> context, ReadOnlySpan<byte> rnd)
    {
        MlDsaAlgorithm.PrivateKey core = Private(key);
        CheckContext(context);
        CheckLength(rnd, RandomnessSize, nameof(rnd));
        (string oid, int length) = PreHash.Describe(hashAlgorithm, nameof(hashAlgorithm));
        CheckLength(hash, length, nameof(hash));
        byte[] messagePrime = FormatMessage(1, context, oid, hash);
        byte[] signature = new byte[key.Algorithm.SignatureSize];
        core.SignInternal(messagePrime, rnd, signature);
        return signature;
    }

    /// <summary>TESTING ONLY: ML-DSA.Verify_internal(pk, M', σ) (FIPS 204 Algorithm 8) on a message M' the caller formatted.</summary>
    /// <param name="key">An ML-DSA public key.</param>
    /// <param name="messagePrime">M'.</param>
    /// <param name="signature">σ; a wrong length is invalid.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not ML-DSA.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static bool VerifyInternalForTesting(VerificationKey key, ReadOnlySpan<byte> messagePrime, ReadOnlySpan<byte> signature) =>
        Public(key).VerifyInternal(messagePrime, signature);

    /// <summary>TESTING ONLY: Verify_internal from an external μ (FIPS 204 Algorithm 8 with step 7 done by the caller).</summary>
    /// <param name="key">An ML-DSA public key.</param>
    /// <param name="mu">μ; anything but 64 bytes is invalid.</param>
    /// <param name="signature">σ; a wrong length is invalid.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not ML-DSA.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static bool VerifyExternalMuForTesting(VerificationKey key, ReadOnlySpan<byte> mu, ReadOnlySpan<byte> signature) =>
        Public(key).VerifyExternalMu(mu, signature);

    /// <summary>
    /// TESTING ONLY: μ = H(tr ‖ M', 64) for the pure variant, M' = 0 ‖ |ctx| ‖ ctx ‖ M (FIPS 204 Algorithm 2 step 10,
    /// Algorithm 7 step 6), as Wycheproof lists it beside its signing cases.
    /// </summary>
    /// <param name="key">An ML-DSA public key (tr = H(pk, 64)).</param>
    /// <param name="message">M.</param>
    /// <param name="context">ctx, 0-255 bytes.</param>
    /// <returns>μ, 64 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not ML-DSA, or the context is longer than 255 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static byte[] ComputeMuForTesting(VerificationKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context)
    {
        MlDsaAlgorithm.PublicKey core = Public(key);
        CheckContext(context);
        Span<byte> prefix = stackalloc byte[2 + MaxContextSize];
        int prefixLength = MlDsaAlgorithm.WritePrefix(0, context, null, prefix);
        byte[] mu = new byte[MuSize];
        MlDsaCore.ComputeMu(core.Tr, prefix[..prefixLength], message, mu);
        return mu;
    }

    /// <summary>M' = domain ‖ |ctx| ‖ ctx (‖ OID(PH)) ‖ message (FIPS 204 Algorithm 2 step 10, Algorithm 4 step 18).</summary>
    private static byte[] FormatMessage(byte domain, ReadOnlySpan<byte> context, string? hashOid, ReadOnlySpan<byte> message)
    {
        Span<byte> prefix = stackalloc byte[2 + MaxContextSize + 16];
        int prefixLength = MlDsaAlgorithm.WritePrefix(domain, context, hashOid, prefix);
        byte[] messagePrime = new byte[prefixLength + message.Length];
        prefix[..prefixLength].CopyTo(messagePrime);
        message.CopyTo(messagePrime.AsSpan(prefixLength));
        return messagePrime;
    }

    private static MlDsaAlgorithm.PrivateKey Private(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Algorithm is MlDsaAlgorithm
            ? (MlDsaAlgorithm.PrivateKey)key.CoreForTesting
            : throw new ArgumentException($"{key.Algorithm.Name} is not an ML-DSA parameter set.", nameof(key));
    }

    private static MlDsaAlgorithm.PublicKey Public(VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Algorithm is MlDsaAlgorithm
            ? (MlDsaAlgorithm.PublicKey)key.CoreForTesting
            : throw new ArgumentException($"{key.Algorithm.Name} is not an ML-DSA parameter set.", nameof(key));
    }

    private static void CheckContext(ReadOnlySpan<byte> context)
    {
        if (context.Length > MaxContextSize)
        {
            throw new ArgumentException($"The context must be at most {MaxContextSize} bytes, not {context.Length} (FIPS 204 §5.2).", nameof(context));
        }
    }

    private static void CheckLength(ReadOnlySpan<byte> value, int expected, string paramName)
    {
        if (value.Length != expected)
        {
            throw new ArgumentException($"{paramName} must be {expected} bytes, not {value.Length}.", paramName);
        }
    }
}
