// KeyGenCulpritException: raised inside key generation when messages from identified participants fail their
// checks (an invalid proof of knowledge, a share that does not match its sender's commitment). The public
// API turns it into a FrostProtocolException naming the culprits (identifiable abort, frost-core
// Error::InvalidProofOfKnowledge / InvalidSecretShare { culprit }).

using System.Collections.Generic;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Key generation found misbehaving participants; <see cref="Culprits"/> are their identifiers.</summary>
internal sealed class KeyGenCulpritException : FintechCryptoException
{
    internal KeyGenCulpritException(string message, IReadOnlyList<Scalar> culprits)
        : base(message)
    {
        Culprits = culprits;
    }

    /// <summary>The identifiers (public) of the participants whose messages failed.</summary>
    internal IReadOnlyList<Scalar> Culprits { get; }
}
