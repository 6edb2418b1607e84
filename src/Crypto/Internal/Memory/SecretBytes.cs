using System;
using System.Security.Cryptography;
using System.Threading;

namespace FintechCrypto.Internal.Memory;

/// <summary>
/// Secret bytes in a pinned array (so the GC never copies them), cleared with
/// <see cref="CryptographicOperations.ZeroMemory"/> on <see cref="Dispose"/>.
/// </summary>
internal sealed class SecretBytes : IDisposable
{
    private readonly byte[] _bytes;
    private int _disposed;

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

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The bytes; only valid until <see cref="Dispose"/>.</summary>
    internal Span<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _bytes;
        }
    }

    /// <summary>The underlying array, for APIs (BouncyCastle) that take arrays; only valid until <see cref="Dispose"/>.</summary>
    internal byte[] Array
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _bytes;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CryptographicOperations.ZeroMemory(_bytes);
        }
    }

    public override string ToString() => "<redacted>";
}
