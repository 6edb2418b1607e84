using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Memory;

/// <summary>
/// Secret bytes in a pinned array (so the GC never copies them), cleared with
/// <see cref="CryptographicOperations.ZeroMemory"/> once disposed and no longer in use.
/// </summary>
/// <remarks>
/// Code that may run while another thread disposes the owner reads <see cref="Span"/> under a lease
/// (<c>using SecretLease lease = bytes.Lease(owner);</c>), or under the lease of the lifetime that owns these bytes (a
/// key's <see cref="Keys.SecretKeyState"/>, or a <see cref="KeyLifetime"/>); then the bytes cannot be cleared before the
/// lease is released (<see cref="SecretLifetime"/>).
/// </remarks>
internal sealed class SecretBytes : SecretLifetime
{
    private readonly byte[] _bytes;

    internal SecretBytes(int length)
    {
        _bytes = GC.AllocateArray<byte>(length, pinned: true);
    }

    internal SecretBytes(ReadOnlySpan<byte> value)
        : this(value.Length)
    {
        value.CopyTo(_bytes);
    }

    internal int Length => _bytes.Length;

    /// <summary>
    /// The bytes; valid while the caller holds a lease (on these bytes or on the key that owns them). Without one, a
    /// concurrent <see cref="SecretLifetime.Dispose"/> may clear them while they are read.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The bytes were cleared.</exception>
    internal Span<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsFreed, this);
            return _bytes;
        }
    }

    public override string ToString() => "<redacted>";

    protected override void Free() => CryptographicOperations.ZeroMemory(_bytes);
}
