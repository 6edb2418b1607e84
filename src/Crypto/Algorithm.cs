using System;
using System.Diagnostics;

namespace FintechCrypto;

/// <summary>
/// A parameter set of one cryptographic algorithm, such as <see cref="SignatureAlgorithm.Ed25519"/>.
/// Its <see cref="Name"/> is the standard's string. Instances are immutable; two instances are equal when
/// they denote the same parameter set.
/// </summary>
/// <remarks>
/// The hierarchy is closed: every family (<see cref="SignatureAlgorithm"/>, <see cref="KemAlgorithm"/>,
/// <see cref="KeyAgreementAlgorithm"/>, <see cref="AeadAlgorithm"/>, <see cref="MacAlgorithm"/>,
/// <see cref="KdfAlgorithm"/>) derives from this type, only FintechCrypto creates instances, and each family's
/// <c>FromName</c> finds its parameter sets by the standard's string.
/// </remarks>
[DebuggerDisplay("{Name}")]
public abstract class Algorithm : IEquatable<Algorithm>
{
    private protected Algorithm(string name, string? identity = null)
    {
        Name = name;
        Identity = identity ?? name;
    }

    /// <summary>The algorithm's name as its standard spells it, e.g. <c>ECDSA-P256-SHA256</c>.</summary>
    public string Name { get; }

    /// <summary>A string that identifies the full parameter set (equal to <see cref="Name"/> unless
    /// the set has parameters beyond its name, such as a non-default nonce size).</summary>
    private protected string Identity { get; }

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The algorithm's name.</returns>
    public sealed override string ToString() => Name;

    /// <summary>True when <paramref name="other"/> denotes the same parameter set.</summary>
    /// <param name="other">Another algorithm, or null.</param>
    /// <returns>Whether the two denote the same parameter set.</returns>
    public bool Equals(Algorithm? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(other.Identity, Identity, StringComparison.Ordinal);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => Equals(obj as Algorithm);

    /// <inheritdoc/>
    public sealed override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Identity);

    /// <summary>True when both are null or both denote the same parameter set.</summary>
    /// <param name="left">The first algorithm.</param>
    /// <param name="right">The second algorithm.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(Algorithm? left, Algorithm? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True when the two denote different parameter sets.</summary>
    /// <param name="left">The first algorithm.</param>
    /// <param name="right">The second algorithm.</param>
    /// <returns>Whether the two differ.</returns>
    public static bool operator !=(Algorithm? left, Algorithm? right) => !(left == right);
}
