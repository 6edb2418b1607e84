// FrostRepairDelta: one value of share repair part 1, sent by one helper to another (frost-core
// keys/repairable.rs Delta): a random-looking piece of lambda_h(r) s_h.
//
// References: Laing and Stinson, eprint 2017/1155 (repairable threshold schemes); frost-core repair_share_part1;
// docs/frost-keygen.md §b. Wire format: header(type 13) || delta (Ns). JSON: { header, "delta": hex }.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A delta of share repair: <see cref="FrostRepair.Part1"/> makes one per helper, and each helper passes the
/// deltas it received to <see cref="FrostRepair.Part2"/>.
/// </summary>
/// <remarks>
/// Each delta alone is uniformly random and reveals nothing of the helper's share.
/// Holds a secret: dispose it when done; <see cref="ToString"/> never shows it. <see cref="FrostMessage{TSelf}.ToBytes"/> and
/// <see cref="FrostMessage{TSelf}.ToJson"/> carry the secret too: send them only over a confidential, authenticated channel.
/// </remarks>
public sealed class FrostRepairDelta : FrostMessage<FrostRepairDelta>, IDisposable
{
    internal const string What = "FROST repair delta";
    private readonly SecretScalar _value;

    internal FrostRepairDelta(FrostCiphersuite ciphersuite, in Scalar value)
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
    public override string ToString() => $"FrostRepairDelta({Ciphersuite.Name}, <redacted>)";

    /// <summary>The secret scalar; the caller clears the copy.</summary>
    internal Scalar GetValue() => _value.Get();

    internal override void WriteFields(FrostFieldWriter writer)
        => writer.SecretScalar("delta", _value);

    internal static FrostRepairDelta ReadFields(FrostFieldReader reader)
    {
        Scalar value = reader.Scalar("delta");
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
