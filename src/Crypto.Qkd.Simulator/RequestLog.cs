// RequestLog: one line per request to a TextWriter (cli.md "QKD": never key material).

using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>Writes one line per request: time, KME, method, path (without the query), status, caller SAE.</summary>
internal sealed class RequestLog
{
    private const int MaxFieldLength = 200;
    private readonly object _gate = new();
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;

    internal RequestLog(TextWriter writer, TimeProvider time)
    {
        _writer = writer;
        _time = time;
    }

    /// <summary>Logs one request; status 0 means the connection was dropped (a stopped KME), 499 that the client left.</summary>
    internal void Write(string kmeId, string method, string? path, int status, string? sae)
    {
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{_time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} kme={Clean(kmeId)} {Clean(method)} {Clean(path ?? "")} {(status == 0 ? "dropped" : status.ToString(CultureInfo.InvariantCulture))} sae={Clean(sae ?? "-")}");
        lock (_gate)
        {
            try
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A closed log must not fail requests.
            }
        }
    }

    /// <summary>The path and names come from the client: no control characters (no forged log lines), bounded length.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxFieldLength));
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxFieldLength)))
        {
            builder.Append(char.IsControl(c) || c == ' ' ? '?' : c);
        }

        return builder.ToString();
    }
}
