// The internal interfaces of the post-quantum signature standards, exposed for known-answer tests only:
// SLH-DSA's slh_keygen_internal, slh_sign_internal and slh_verify_internal (FIPS 205 §9, Algorithms 18-20), which
// NIST ACVP tests on the formatted message M'. Production code calls SigningKey.Sign / VerificationKey.Verify,
// which build M' from the message and context (FIPS 205 §10) and draw opt_rand from the system's generator.

using System;
using FintechCrypto.Internal.SlhDsa;

namespace FintechCrypto.Testing;

/// <summary>
/// TESTING ONLY: signature algorithms' internal interfaces (derandomized, on pre-formatted messages), so that
/// known-answer vectors (NIST ACVP) can be reproduced. A signature made through <c>…InternalForTesting</c> on a
/// message the caller formatted itself is not a FIPS 205 signature of that message under any context; never use this
/// class outside tests. Use <see cref="SigningKey.Sign(ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte}, SigningMode)"/> everywhere else.
/// </summary>
public static class SignatureTesting
{
    /// <summary>
    /// TESTING ONLY: slh_keygen_internal(SK.seed, SK.prf, PK.seed) (FIPS 205 Algorithm 18). The same as importing
    /// SK.seed ‖ SK.prf ‖ PK.seed as <see cref="KeyBlobFormat.PrivateKeySeed"/>.
    /// </summary>
    /// <param name="algorithm">An SLH-DSA parameter set.</param>
    /// <param name="skSeed">SK.seed, n bytes.</param>
    /// <param name="skPrf">SK.prf, n bytes.</param>
    /// <param name="pkSeed">PK.seed, n bytes.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not SLH-DSA, or a seed is not n bytes.</exception>
    public static SigningKey SlhDsaKeyGenInternalForTesting(SignatureAlgorithm algorithm, ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> skPrf, ReadOnlySpan<byte> pkSeed)
    {
        SlhDsaParameterSet p = SlhDsa(algorithm, nameof(algorithm));
        CheckLength(skSeed, p.N, nameof(skSeed));
        CheckLength(skPrf, p.N, nameof(skPrf));
        CheckLength(pkSeed, p.N, nameof(pkSeed));
        byte[] seed = new byte[3 * p.N];
        try
        {
            skSeed.CopyTo(seed);
            skPrf.CopyTo(seed.AsSpan(p.N));
            pkSeed.CopyTo(seed.AsSpan(2 * p.N));
            return SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// TESTING ONLY: slh_sign_internal(M', SK, addrnd) (FIPS 205 Algorithm 19) on a message M' the caller formatted.
    /// </summary>
    /// <param name="key">An SLH-DSA private key.</param>
    /// <param name="messagePrime">M'.</param>
    /// <param name="additionalRandomness">addrnd (opt_rand), n bytes; empty for the deterministic variant (opt_rand = PK.seed).</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not SLH-DSA, or <paramref name="additionalRandomness"/> is neither empty nor n bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static byte[] SlhDsaSignInternalForTesting(SigningKey key, ReadOnlySpan<byte> messagePrime, ReadOnlySpan<byte> additionalRandomness)
    {
        ArgumentNullException.ThrowIfNull(key);
        SlhDsaParameterSet p = SlhDsa(key.Algorithm, nameof(key));
        if (!additionalRandomness.IsEmpty)
        {
            CheckLength(additionalRandomness, p.N, nameof(additionalRandomness));
        }

        var core = (SlhDsaAlgorithm.PrivateKey)key.CoreForTesting;
        byte[] signature = new byte[p.SignatureSize];
        core.SignInternal(default, messagePrime, additionalRandomness, signature);
        return signature;
    }

    /// <summary>TESTING ONLY: slh_verify_internal(M', SIG, PK) (FIPS 205 Algorithm 20) on a message M' the caller formatted.</summary>
    /// <param name="key">An SLH-DSA public key.</param>
    /// <param name="messagePrime">M'.</param>
    /// <param name="signature">The signature; a wrong length is invalid.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not SLH-DSA.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static bool SlhDsaVerifyInternalForTesting(VerificationKey key, ReadOnlySpan<byte> messagePrime, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        SlhDsa(key.Algorithm, nameof(key));
        var core = (SlhDsaAlgorithm.PublicKey)key.CoreForTesting;
        return core.VerifyInternal(messagePrime, signature);
    }

    private static SlhDsaParameterSet SlhDsa(SignatureAlgorithm algorithm, string paramName)
    {
        ArgumentNullException.ThrowIfNull(algorithm, paramName);
        return algorithm is SlhDsaAlgorithm slh
            ? slh.Parameters
            : throw new ArgumentException($"{algorithm.Name} is not an SLH-DSA parameter set.", paramName);
    }

    private static void CheckLength(ReadOnlySpan<byte> value, int expected, string paramName)
    {
        if (value.Length != expected)
        {
            throw new ArgumentException($"{paramName} must be {expected} bytes, not {value.Length}.", paramName);
        }
    }
}
