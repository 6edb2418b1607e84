// FrostPublicMessage: a FROST message without secrets, with value equality over its fields (elements compared in the
// group), written once (Internal/Frost/Codec/FieldComparison.cs) instead of per message.

using System;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A FROST message that holds no secret: commitments, signature shares, signing packages, public key packages. Two
/// messages are equal when they are of one ciphersuite and hold equal fields.
/// </summary>
/// <typeparam name="TSelf">The message type.</typeparam>
public abstract class FrostPublicMessage<TSelf> : FrostMessage<TSelf>, IEquatable<TSelf>
    where TSelf : FrostPublicMessage<TSelf>
{
    private protected FrostPublicMessage()
    {
    }

    /// <summary>The ciphersuite.</summary>
    public sealed override FrostCiphersuite Ciphersuite => _ciphersuite;

    // Set once by each constructor of a derived message.
    private protected FrostCiphersuite _ciphersuite = null!;

    /// <summary>True when <paramref name="other"/> is of the same ciphersuite and holds equal fields.</summary>
    /// <param name="other">Another message, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(TSelf? other) => other is not null && (ReferenceEquals(this, other) || FieldComparison.Equal(this, other));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TSelf);

    /// <inheritdoc/>
    public override int GetHashCode() => FieldComparison.Hash(this);
}
