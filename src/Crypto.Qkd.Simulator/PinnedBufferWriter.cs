// PinnedBufferWriter: an IBufferWriter over pinned arrays that clears every array it lets go, for response bodies
// that carry base64 key material (house rule: clear buffers that held keys).

using System;
using System.Buffers;
using System.Security.Cryptography;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>Collects written bytes in a pinned array; growing copies and clears the old array; Dispose clears the last.</summary>
internal sealed class PinnedBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _written;

    internal PinnedBufferWriter(int initialCapacity = 1024)
    {
        _buffer = GC.AllocateArray<byte>(Math.Max(initialCapacity, 256), pinned: true);
    }

    /// <summary>The bytes written so far; valid until the next write or Dispose.</summary>
    internal ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer);
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        int size = checked(Math.Max(_buffer.Length * 2, _written + needed));
        byte[] bigger = GC.AllocateArray<byte>(size, pinned: true);
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        CryptographicOperations.ZeroMemory(_buffer);
        _buffer = bigger;
    }
}
