// FrostProtocolException: a FROST protocol failure, naming the participants at fault when the protocol can tell
// (identifiable abort: RFC 9591 §5.3 and §5.4, frost-core Error::InvalidSignatureShare { culprits }).

using System;
using System.Collections.Generic;

namespace FintechCrypto.Threshold;

/// <summary>
/// A FROST protocol step failed: a signature share or secret share did not verify, a signing package was not
/// acceptable, too few signers took part. <see cref="Culprits"/> names the participants whose messages failed
/// verification, when there are any.
/// </summary>
/// <remarks>The message names identifiers and counts, never shares, nonces or keys.</remarks>
public sealed class FrostProtocolException : FintechCryptoException
{
    /// <summary>Creates an exception with a default message and no culprits.</summary>
    public FrostProtocolException()
        : this("A FROST protocol step failed.")
    {
    }

    /// <summary>Creates an exception with the given message and no culprits.</summary>
    /// <param name="message">A description of the failure, free of secret material.</param>
    public FrostProtocolException(string? message)
        : this(message, Array.Empty<FrostIdentifier>())
    {
    }

    /// <summary>Creates an exception with the given message and cause, and no culprits.</summary>
    /// <param name="message">A description of the failure, free of secret material.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FrostProtocolException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Culprits = Array.Empty<FrostIdentifier>();
    }

    /// <summary>Creates an exception that names the participants at fault.</summary>
    /// <param name="message">A description of the failure, free of secret material.</param>
    /// <param name="culprits">The identifiers of the participants whose messages failed verification.</param>
    public FrostProtocolException(string? message, IEnumerable<FrostIdentifier> culprits)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(culprits);
        Culprits = [.. culprits];
    }

    /// <summary>
    /// The participants whose messages failed verification, in identifier order; empty when the failure is not
    /// attributable to a participant.
    /// </summary>
    public IReadOnlyList<FrostIdentifier> Culprits { get; }
}
