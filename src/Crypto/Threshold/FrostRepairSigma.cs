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
/// Holds a secret: dispose it when done; <see cref="ToString"/> never shows it. <see cref="ToBytes"/> and
/// <see cref="ToJson"/> carry the secret too: send them only over a confidential, authenticated channel.
/// </remarks>
public sealed class FrostRepairSigma : IDisposable, IFrostMessage<FrostRepairSigma>
{
    private const string What = "FROST repair sigma";
    private readonly SecretScalar _value;

    internal FrostRepairSigma(FrostCiphersuite ciphersuite, in Scalar value)
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
    public static FrostRepairSigma FromBytes(ReadOnlySpan<byte> encoded) => FrostCodec.FromBytes<FrostRepairSigma>(encoded);

    /// <summary>Decodes the message from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed.</exception>
    public static FrostRepairSigma FromJson(string json) => FrostCodec.FromJson<FrostRepairSigma>(json);

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
    public override string ToString() => $"FrostRepairSigma({Ciphersuite.Name}, <redacted>)";

    /// <summary>The secret scalar; the caller clears the copy.</summary>
    internal Scalar GetValue() => _value.Get();

    static FrostMessageType IFrostMessage<FrostRepairSigma>.MessageType => FrostMessageType.RepairSigma;

    static string IFrostMessage<FrostRepairSigma>.What => What;

    void IFrostMessage.WriteFields(FrostFieldWriter writer)
        => writer.SecretScalar("sigma", _value);

    static FrostRepairSigma IFrostMessage<FrostRepairSigma>.ReadFields(FrostFieldReader reader)
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
