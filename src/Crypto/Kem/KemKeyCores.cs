// The backend contract of the KEM family: DecapsulationKey and EncapsulationKey validate every argument (and hold the
// lease), the cores compute. Export, disposal and the public half are the shared key lifecycle's (Internal/Keys).

using System;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>The private half of a KEM key, as one backend holds it.</summary>
internal abstract class DecapsulationKeyCore : PrivateKeyCore<EncapsulationKeyCore>
{
    /// <summary>Writes the shared secret (exactly SharedSecretSize bytes) after the wrapper checked the lengths.</summary>
    internal abstract void Decapsulate(ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret);
}

/// <summary>The public half of a KEM key, as one backend holds it.</summary>
internal abstract class EncapsulationKeyCore : PublicKeyCore
{
    /// <summary>The size of the randomness <see cref="Encapsulate"/> consumes.</summary>
    internal abstract int RandomnessSize { get; }

    /// <summary>
    /// Encapsulates with the given randomness (the derandomized entry point of the standard) into exactly
    /// CiphertextSize and SharedSecretSize bytes.
    /// </summary>
    internal abstract void Encapsulate(ReadOnlySpan<byte> randomness, Span<byte> ciphertext, Span<byte> sharedSecret);
}
