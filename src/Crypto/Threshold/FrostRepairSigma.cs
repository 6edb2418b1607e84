// FrostRepairSigma: a helper's output of share repair part 2, sent to the participant whose share is repaired
// (frost-core keys/repairable.rs Sigma): the sum of the deltas the helper received.
//
// References: Laing and Stinson, eprint 2017/1155; frost-core repair_share_part2; docs/frost-keygen.md §b.
// Wire format: header(type 14) || sigma (Ns). JSON: { header, "sigma": hex }.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A sigma of share repair: <see cref="FrostRepair.Part2"/> makes it, and the participant whose share is
/// repaired passes every helper's sigma to <see cref="FrostRepair.Part3"/>.
/// </summary>
/// <remarks>
/// A sigma alone reveals nothing of any helper's share.
/// Holds a secret: dispose it when done; <see cref="ToString"/> never shows it. <see cref="FrostMessage{TSelf}.ToBytes"/> and
/// <see cref="FrostMessage{TSelf}.ToJson"/> carry the secret too: send them only over a confidential, authenticated channel.
/// </remarks>
public sealed class FrostRepairSigma : FrostMessage<FrostRepairSigma>, IDisposable
{
    internal const string What = "FROST repair sigma";
    private readonly SecretScalar _value;

    internal FrostRepairSigma(FrostCiphersuite ciphersuite, in Scalar value)
    {
        Ciphersuite = ciphersuite;
        _value = new SecretScalar(ciphersuite.Suite.Scalars, value, this);
    }

    /// <summary>The ciphersuite.</summary>
    public override FrostCiphersuite Ciphersuite { get; }

    internal bool IsDisposed => _value.IsDisposed;

    /// <summary>Clears the secret.</summary>
    public void Dispose() => _value.Dispose();

    /// <summary>A description without the secret.</summary>
    /// <returns>The type and suite.</returns>
    public override string ToString() => $"FrostRepairSigma({Ciphersuite.Name}, <redacted>)";

    /// <summary>The secret scalar; the caller clears the copy.</summary>
    internal Scalar GetValue() => _value.Get();

    internal override void WriteFields(FrostFieldWriter writer)
        => writer.SecretScalar("sigma", _value);

    internal static FrostRepairSigma ReadFields(FrostFieldReader reader)
    {
        Scalar value = reader.Scalar("sigma");
        try
        {
            return new(reader.Ciphersuite, value);
        }
        finally
        {
            value.Clear();
        }
    }
}
