using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// An HTTPS server on 127.0.0.1 (port 0, no client certificate asked) that answers every request with the exact bytes
/// a test gives: malformed HTTP framing (a broken chunked body, a bad header line) that Kestrel would never send.
/// </summary>
internal sealed class RawHttpsServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Func<int, byte[]> _response;

    /// <summary>Starts serving; <paramref name="response"/> gives the bytes of the n-th answer (0, 1, ...).</summary>
    public RawHttpsServer(X509Certificate2 certificate, Func<int, byte[]> response)
    {
        _response = response;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Uri = new Uri($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = ServeAsync(certificate);
    }

    public Uri Uri { get; }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(X509Certificate2 certificate)
    {
        for (int n = 0; !_stop.IsCancellationRequested; n++)
        {
            using TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
                _stop.Token);
            await ReadRequestAsync(tls);
            await tls.WriteAsync(_response(n), _stop.Token);
            await tls.FlushAsync(_stop.Token);
        }
    }

    /// <summary>Reads the request head and a Content-Length body.</summary>
    private async Task ReadRequestAsync(SslStream tls)
    {
        var received = new List<byte>();
        byte[] buffer = new byte[4096];
        int headEnd = -1;
        while (headEnd < 0)
        {
            int read = await tls.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
            headEnd = Encoding.ASCII.GetString(received.ToArray()).IndexOf("\r\n\r\n", StringComparison.Ordinal);
        }

        string head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd);
        int length = 0;
        foreach (string line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        int have = received.Count - (headEnd + 4);
        while (have < length)
        {
            int read = await tls.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            have += read;
        }
    }
}
