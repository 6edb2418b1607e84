using System;

namespace FintechCrypto;

/// <summary>
/// One (key, message, signature) triple of <see cref="VerificationKey.VerifyBatch(ReadOnlySpan{BatchVerificationItem})"/>.
/// It refers to the caller's memory; nothing is copied until the batch runs.
/// </summary>
public readonly struct BatchVerificationItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="key">The signer's public key.</param>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The signature; any length (a wrong length is simply invalid).</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public BatchVerificationItem(VerificationKey key, ReadOnlyMemory<byte> message, ReadOnlyMemory<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        Message = message;
        Signature = signature;
    }

    /// <summary>The signer's public key (null only in a default-constructed item, which a batch refuses).</summary>
    public VerificationKey Key { get; }

    /// <summary>The signed message.</summary>
    public ReadOnlyMemory<byte> Message { get; }

    /// <summary>The signature.</summary>
    public ReadOnlyMemory<byte> Signature { get; }
}
