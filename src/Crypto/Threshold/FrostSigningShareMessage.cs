// FrostSigningShareMessage: what the two FROST messages that hold a participant's signing share sk_i (a dealer's
// FrostSecretShare, a FrostKeyPackage) share: the identifier and the secret share, held once in pinned memory cleared
// on Dispose, exported in the RFC 9591 scalar encoding (SerializeScalar), and the first two fields of their encodings
// (docs/frost-wire.md types 4 and 5: header || identifier (Ns) || signing share (Ns) || ...; frost-core keys.rs
// SecretShare and KeyPackage).

using System;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Threshold;

/// <summary>
/// A FROST message that holds one participant's identifier and secret signing share: <see cref="FrostSecretShare"/>,
/// <see cref="FrostKeyPackage"/>.
/// </summary>
/// <typeparam name="TSelf">The message type.</typeparam>
/// <remarks>
/// Holds a secret: dispose it when done; <see cref="ToString"/> never shows the share. Its encodings carry the secret
/// too: send them only over a confidential, authenticated channel.
/// </remarks>
public abstract class FrostSigningShareMessage<TSelf> : FrostMessage<TSelf>, IDisposable
    where TSelf : FrostSigningShareMessage<TSelf>
{
    private protected FrostSigningShareMessage()
    {
    }

    /// <summary>Reads the fields that follow the identifier and the signing share, and makes the message.</summary>
    private protected delegate TSelf ReadRest(FrostFieldReader reader, FrostIdentifier identifier, in Scalar signingShare);

    /// <summary>The ciphersuite.</summary>
    public sealed override FrostCiphersuite Ciphersuite => Identifier.Ciphersuite;

    /// <summary>The participant's identifier.</summary>
    public FrostIdentifier Identifier { get; private protected init; } = null!;

    // Set once by each constructor of a derived message, after its checks.
    private protected SecretScalar SigningShare { get; init; } = null!;

    internal bool IsDisposed => SigningShare.IsDisposed;

    /// <summary>The signing share; the caller clears the copy.</summary>
    internal Scalar GetSigningShare() => SigningShare.Get();

    /// <summary>
    /// The signing share in the ciphersuite's scalar encoding (RFC 9591 SerializeScalar), in a new pinned array. It is
    /// secret: clear it (<see cref="System.Security.Cryptography.CryptographicOperations.ZeroMemory"/>) after use.
    /// </summary>
    /// <returns>A new array of <see cref="FrostCiphersuite.ScalarLength"/> bytes.</returns>
    /// <exception cref="ObjectDisposedException">The object was disposed.</exception>
    public byte[] ExportSigningShare() => SigningShare.Export();

    /// <summary>
    /// Writes the signing share in the ciphersuite's scalar encoding (RFC 9591 SerializeScalar) at the start of
    /// <paramref name="destination"/>. It is secret: the caller clears it after use.
    /// </summary>
    /// <param name="destination">At least <see cref="FrostCiphersuite.ScalarLength"/> bytes.</param>
    /// <returns>The number of bytes written, <see cref="FrostCiphersuite.ScalarLength"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <exception cref="ObjectDisposedException">The object was disposed.</exception>
    public int ExportSigningShare(Span<byte> destination) => SigningShare.Export(destination);

    /// <summary>Clears the signing share.</summary>
    public void Dispose() => SigningShare.Dispose();

    /// <summary>A description without the secret.</summary>
    /// <returns>The type, suite and identifier.</returns>
    public override string ToString() => $"{typeof(TSelf).Name}({Ciphersuite.Name}, participant {Identifier}, <redacted>)";

    /// <summary>Writes the first two fields, the identifier and the signing share.</summary>
    private protected void WriteIdentifierAndShare(FrostFieldWriter writer)
    {
        writer.Identifier("identifier", Identifier);
        writer.SecretScalar("signing_share", SigningShare);
    }

    /// <summary>
    /// Decoding: reads the identifier and the signing share, then the rest by <paramref name="rest"/>, and clears the
    /// decoded share.
    /// </summary>
    private protected static TSelf Read(FrostFieldReader reader, ReadRest rest)
    {
        FrostIdentifier identifier = reader.Identifier("identifier");
        Scalar share = reader.Scalar("signing_share");
        try
        {
            return rest(reader, identifier, share);
        }
        finally
        {
            share.Clear();
        }
    }
}
