// QkdKey: one key delivered by a QKD key source, with its ETSI GS QKD 014 key_ID (§6.3 Key container: key_ID, key).

using System;
using System.Text.Json;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Qkd;

/// <summary>
/// One key from a QKD key source: its identifier (ETSI GS QKD 014 <c>key_ID</c>, a UUID) and the key bytes, held in
/// pinned memory that <see cref="Dispose"/> clears.
/// </summary>
/// <remarks>
/// The key identifier is public (it travels in the clear to the peer); the key bytes are secret and never appear in
/// <see cref="ToString"/>, exceptions or logs. A key is meant to be used once: hand it to one session or one derivation,
/// then dispose of it.
/// </remarks>
public sealed class QkdKey : IDisposable
{
    private readonly SecretBytes _key;

    /// <summary>Creates a key from its identifier and bytes (adapters for other key sources use this).</summary>
    /// <param name="keyId">The key identifier (ETSI 014 <c>key_ID</c>).</param>
    /// <param name="key">The key bytes; they are copied.</param>
    /// <param name="keyIdExtension">The optional <c>key_ID_extension</c> object of the key container, or null.</param>
    /// <param name="keyExtension">The optional <c>key_extension</c> object of the key container, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public QkdKey(Guid keyId, ReadOnlySpan<byte> key, JsonElement? keyIdExtension = null, JsonElement? keyExtension = null)
    {
        if (key.IsEmpty)
        {
            throw Error.Argument_LengthAtLeast(nameof(key), 1, 0);
        }

        KeyId = keyId;
        _key = new SecretBytes(key);
        KeyIdExtension = keyIdExtension?.Clone();
        KeyExtension = keyExtension?.Clone();
    }

    /// <summary>The key identifier (ETSI 014 <c>key_ID</c>): public, shared with the peer so it can fetch the same key.</summary>
    public Guid KeyId { get; }

    /// <summary>The length of the key in bytes.</summary>
    public int Length => _key.Length;

    /// <summary>The length of the key in bits (ETSI 014 sizes are in bits).</summary>
    public int SizeInBits => _key.Length * 8;

    /// <summary>The <c>key_ID_extension</c> the key source sent with the key, if any.</summary>
    public JsonElement? KeyIdExtension { get; }

    /// <summary>The <c>key_extension</c> the key source sent with the key, if any.</summary>
    public JsonElement? KeyExtension { get; }

    /// <summary>Whether <see cref="Dispose"/> has cleared the key.</summary>
    public bool IsDisposed => _key.IsDisposed;

    /// <summary>The key bytes; valid until <see cref="Dispose"/>. Do not copy them into unmanaged or long-lived memory.</summary>
    /// <remarks>
    /// The span is the key's own memory: a <see cref="Dispose"/> on another thread clears it under the reader. Where
    /// another thread may dispose the key, read it with <see cref="CopyTo"/>, which holds the key for the whole copy.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public ReadOnlySpan<byte> Key => _key.Span;

    /// <summary>
    /// Copies the key bytes into <paramref name="destination"/>. The copy is the real key even when another thread
    /// disposes the key meanwhile: Dispose clears the key only after the copy (or throws, if it came first).
    /// </summary>
    /// <param name="destination">At least <see cref="Length"/> bytes; the key goes into the first <see cref="Length"/>. The caller clears it after use.</param>
    /// <returns>The number of bytes written: <see cref="Length"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the key.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int CopyTo(Span<byte> destination)
    {
        using SecretLease lease = _key.Lease(this);
        if (destination.Length < _key.Length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(destination), _key.Length, destination.Length);
        }

        _key.Span.CopyTo(destination);
        return _key.Length;
    }

    /// <summary>
    /// A lease for the library's own readers of <see cref="Key"/>: while it is held, a <see cref="Dispose"/> on another
    /// thread defers the clearing, so the span read under it is the real key (issue 11, defect 4).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal SecretLease Lease() => _key.Lease(this);

    /// <summary>
    /// Clears the key bytes: at once when no <see cref="CopyTo"/> is running, otherwise when it finishes. A second
    /// call does nothing.
    /// </summary>
    public void Dispose() => _key.Dispose();

    /// <summary>The key identifier and size; never the key bytes.</summary>
    /// <returns>A description such as <c>QkdKey(3fa85f64-5717-4562-b3fc-2c963f66afa6, 256 bits)</c>.</returns>
    public override string ToString() => $"QkdKey({KeyId:D}, {SizeInBits} bits)";
}
