// Etsi014ResponseBody: a KME's response body read into pinned memory, so that base64 keys (ETSI GS QKD 014 §6.3) are
// never copied by the GC and can be cleared after parsing.

using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>A response body in a pinned buffer that <see cref="Dispose"/> clears.</summary>
internal sealed class Etsi014ResponseBody : IDisposable
{
    /// <summary>The largest body accepted: far above any real Key container (max_key_per_request keys of max_key_size bits).</summary>
    internal const int MaxLength = 16 * 1024 * 1024;

    private byte[] _buffer;
    private int _length;

    private Etsi014ResponseBody(int capacity)
    {
        _buffer = GC.AllocateArray<byte>(capacity, pinned: true);
    }

    /// <summary>The bytes read.</summary>
    internal ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Reads the whole stream; null when it is longer than <see cref="MaxLength"/>.</summary>
    internal static async Task<Etsi014ResponseBody?> ReadAsync(Stream stream, long? contentLength, CancellationToken cancellationToken)
    {
        if (contentLength > MaxLength)
        {
            return null;
        }

        var body = new Etsi014ResponseBody(contentLength is long n && n > 0 ? (int)n + 1 : 4096);
        try
        {
            while (true)
            {
                if (body._length == body._buffer.Length)
                {
                    if (body._buffer.Length >= MaxLength + 1)
                    {
                        body.Dispose();
                        return null;
                    }

                    body.Grow();
                }

                int read = await stream.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return body;
                }

                body._length += read;
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Clears the buffer.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer);
        _length = 0;
    }

    private void Grow()
    {
        byte[] larger = GC.AllocateArray<byte>((int)Math.Min((long)_buffer.Length * 2, MaxLength + 1), pinned: true);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        CryptographicOperations.ZeroMemory(_buffer);
        _buffer = larger;
    }
}
