// The derandomized KEM encapsulation of the standards, exposed for known-answer tests only:
// ML-KEM.Encaps_internal(ek, m) (FIPS 203 §6.2, Algorithm 17) and X-Wing's Encapsulate(pk, eseed)
// (draft-connolly-cfrg-xwing-kem, the derandomized Encapsulate its test vectors use). Production code calls
// EncapsulationKey.Encapsulate, which draws the randomness from the system's generator (FIPS 203 §3.3: m must be
// fresh random bytes from an approved RBG for every encapsulation).

using System;

namespace FintechCrypto.Testing;

/// <summary>
/// TESTING ONLY: KEM encapsulation with caller-chosen randomness, so that known-answer vectors (NIST ACVP,
/// Wycheproof, the X-Wing draft) and the <c>fintechcrypto kem encaps --entropy</c> option can reproduce a ciphertext.
/// A ciphertext made with fixed or reused randomness gives its shared secret away; never use this class outside tests.
/// Use <see cref="EncapsulationKey.Encapsulate(Span{byte}, Span{byte})"/> everywhere else.
/// </summary>
public static class KemTesting
{
    /// <summary>
    /// TESTING ONLY: the size of the randomness <see cref="EncapsulateDeterministicForTesting(EncapsulationKey, ReadOnlySpan{byte}, Span{byte}, Span{byte})"/>
    /// takes: 32 bytes (ML-KEM's m) or 64 bytes (X-Wing's eseed).
    /// </summary>
    /// <param name="encapsulationKey">The encapsulation key.</param>
    /// <returns>The size in bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encapsulationKey"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static int RandomnessSize(EncapsulationKey encapsulationKey)
    {
        ArgumentNullException.ThrowIfNull(encapsulationKey);
        return encapsulationKey.RandomnessSize;
    }

    /// <summary>
    /// TESTING ONLY: the derandomized encapsulation: ML-KEM.Encaps_internal(ek, m) (FIPS 203 Algorithm 17) for
    /// ML-KEM, Encapsulate(pk, eseed) of the X-Wing draft for X-Wing. The same key and randomness always give the
    /// same ciphertext and shared secret.
    /// </summary>
    /// <param name="encapsulationKey">The encapsulation key.</param>
    /// <param name="randomness">Exactly <see cref="RandomnessSize"/> bytes: ML-KEM's m, or X-Wing's eseed.</param>
    /// <param name="ciphertext">Exactly <see cref="KemAlgorithm.CiphertextSize"/> bytes.</param>
    /// <param name="sharedSecret">Exactly <see cref="KemAlgorithm.SharedSecretSize"/> bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="encapsulationKey"/> is null.</exception>
    /// <exception cref="ArgumentException">A length is wrong, or the outputs overlap.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static void EncapsulateDeterministicForTesting(
        EncapsulationKey encapsulationKey, ReadOnlySpan<byte> randomness, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ArgumentNullException.ThrowIfNull(encapsulationKey);
        encapsulationKey.EncapsulateDeterministicForTesting(randomness, ciphertext, sharedSecret);
    }

    /// <summary>TESTING ONLY: the derandomized encapsulation, returning the ciphertext (see the span overload).</summary>
    /// <param name="encapsulationKey">The encapsulation key.</param>
    /// <param name="randomness">Exactly <see cref="RandomnessSize"/> bytes: ML-KEM's m, or X-Wing's eseed.</param>
    /// <param name="sharedSecret">The shared secret; the caller should clear it after use.</param>
    /// <returns>The ciphertext.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encapsulationKey"/> or <paramref name="randomness"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="randomness"/> has the wrong length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static byte[] EncapsulateDeterministicForTesting(EncapsulationKey encapsulationKey, byte[] randomness, out byte[] sharedSecret)
    {
        ArgumentNullException.ThrowIfNull(encapsulationKey);
        ArgumentNullException.ThrowIfNull(randomness);
        byte[] ciphertext = new byte[encapsulationKey.Algorithm.CiphertextSize];
        byte[] secret = new byte[encapsulationKey.Algorithm.SharedSecretSize];
        encapsulationKey.EncapsulateDeterministicForTesting(randomness, ciphertext, secret);
        sharedSecret = secret;
        return ciphertext;
    }
}
