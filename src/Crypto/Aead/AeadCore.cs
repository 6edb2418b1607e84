// The backend contract of the AEAD family: AeadKey validates every argument and holds the lease, an AeadCore computes
// (NIST SP 800-38D for AES-GCM, RFC 8439 §2.8 for ChaCha20-Poly1305). Ciphertexts are ciphertext ‖ tag.

using System;
using FintechCrypto.Internal.Classical;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>The secret half of an <see cref="AeadKey"/>, as one backend holds it.</summary>
internal abstract class AeadCore : PrivateKeyCore
{
    /// <summary>
    /// The OS provider for 96-bit nonces (SP 800-38D §8.2) where it has the algorithm, otherwise BouncyCastle (other
    /// nonce lengths, SP 800-38D §7.1 step 2; ChaCha20-Poly1305 where the OS lacks it).
    /// </summary>
    internal static AeadCore Create(AeadAlgorithm algorithm, ReadOnlySpan<byte> key) =>
        algorithm.UsesOsProvider && (algorithm.Kind == AeadKind.AesGcm || System.Security.Cryptography.ChaCha20Poly1305.IsSupported)
            ? new OsAeadCore(algorithm, key)
            : new BouncyCastleAeadCore(algorithm, key);

    /// <summary>Encrypts into <paramref name="ciphertext"/> (exactly plaintext length + tag), after the wrapper's checks.</summary>
    internal abstract void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext);

    /// <summary>
    /// Checks the tag and decrypts into <paramref name="plaintext"/> (exactly ciphertext length − tag); false, with
    /// <paramref name="plaintext"/> cleared, when the tag is invalid.
    /// </summary>
    internal abstract bool Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData, Span<byte> plaintext);
}
