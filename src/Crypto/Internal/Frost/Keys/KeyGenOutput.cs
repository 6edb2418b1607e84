// KeyGenOutput: what a participant holds after key generation: its key package (identifier, signing share,
// verifying share, group verifying key, threshold) and the group's public key package (every participant's
// verifying share). frost-core keys.rs KeyPackage and PublicKeyPackage, commit 0966bd15.

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>A participant's key material after a DKG, a refresh or a repair, with the public key package.</summary>
internal sealed class KeyGenOutput
{
    private Scalar _signingShare;

    internal KeyGenOutput(
        Scalar identifier,
        Scalar signingShare,
        GroupElement verifyingShare,
        GroupElement verifyingKey,
        int minSigners,
        Scalar[] participants,
        GroupElement[] verifyingShares)
    {
        Identifier = identifier;
        _signingShare = signingShare;
        VerifyingShare = verifyingShare;
        VerifyingKey = verifyingKey;
        MinSigners = minSigners;
        Participants = participants;
        VerifyingShares = verifyingShares;
    }

    /// <summary>The participant's identifier.</summary>
    internal Scalar Identifier { get; }

    /// <summary>s_i, the long-lived signing share (secret).</summary>
    internal Scalar SigningShare => _signingShare;

    /// <summary>Y_i = s_i B.</summary>
    internal GroupElement VerifyingShare { get; }

    /// <summary>The group verifying key.</summary>
    internal GroupElement VerifyingKey { get; }

    /// <summary>The threshold t.</summary>
    internal int MinSigners { get; }

    /// <summary>Every participant's identifier, in increasing integer order.</summary>
    internal Scalar[] Participants { get; }

    /// <summary>Every participant's verifying share, aligned with <see cref="Participants"/>.</summary>
    internal GroupElement[] VerifyingShares { get; }

    /// <summary>Overwrites the signing share with zero.</summary>
    internal void Clear() => _signingShare.Clear();

    /// <inheritdoc />
    public override string ToString() => "KeyGenOutput(<redacted>)";
}
