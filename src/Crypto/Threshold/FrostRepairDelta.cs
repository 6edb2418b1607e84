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
/// Holds a secret: dispose it when done; <see cref="ToString"/> never shows it. <see cref="ToBytes"/> and
/// <see cref="ToJson"/> carry the secret too: send them only over a confidential, authenticated channel.
/// </remarks>
public sealed class FrostRepairDelta : IDisposable, IFrostMessage<FrostRepairDelta>
{
    private const string What = "FROST repair delta";
    private readonly SecretScalar _value;

    internal FrostRepairDelta(FrostCiphersuite ciphersuite, in Scalar value)
    {
        Ciphersuite = ciphersuite;
        _value = new SecretScalar(ciphersuite.Suite.Scalars, value, this);
    }

    /// <summary>The ciphersuite.</summary>
    public FrostCiphersuite Ciphersuite { get; }

    internal bool IsDisposed => _value.IsDisposed;

    /// <summary>Decodes the message from its wire format.</summary>
    /// <param name="encoded">The bytes <see cref="ToBytes"/> produced.</param>
    /// <returns>The message.</returns>
    /// <exception cref="FintechCryptoException">The bytes are malformed.</exception>
    public static FrostRepairDelta FromBytes(ReadOnlySpan<byte> encoded) => FrostCodec.FromBytes<FrostRepairDelta>(encoded);

    /// <summary>Decodes the message from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed.</exception>
    public static FrostRepairDelta FromJson(string json) => FrostCodec.FromJson<FrostRepairDelta>(json);

    /// <summary>
    /// Encodes the message in the versioned wire format. The result holds the secret: clear it
    /// (<see cref="System.Security.Cryptography.CryptographicOperations.ZeroMemory"/>) once sent.
    /// </summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ObjectDisposedException">The message was disposed.</exception>
    public byte[] ToBytes() => FrostCodec.ToBytes(this);

    /// <summary>
    /// Encodes the message as JSON. The string holds the secret and cannot be cleared: prefer
    /// <see cref="ToBytes"/> where the secret must not linger in memory.
    /// </summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ObjectDisposedException">The message was disposed.</exception>
    public string ToJson() => FrostCodec.ToJson(this);

    /// <summary>Clears the secret.</summary>
    public void Dispose() => _value.Dispose();

    /// <summary>A description without the secret.</summary>
    /// <returns>The type and suite.</returns>
    public override string ToString() => $"FrostRepairDelta({Ciphersuite.Name}, <redacted>)";

    /// <summary>The secret scalar; the caller clears the copy.</summary>
    internal Scalar GetValue() => _value.Get();

    static FrostMessageType IFrostMessage<FrostRepairDelta>.MessageType => FrostMessageType.RepairDelta;

    static string IFrostMessage<FrostRepairDelta>.What => What;

    void IFrostMessage.WriteFields(FrostFieldWriter writer)
        => writer.SecretScalar("delta", _value);

    static FrostRepairDelta IFrostMessage<FrostRepairDelta>.ReadFields(FrostFieldReader reader)
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
