using System;
using System.Collections.Generic;
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
internal sealed class RawHttpsServer : LoopbackTcpServer
{
    private readonly X509Certificate2 _certificate;
    private readonly Func<int, byte[]> _response;

    /// <summary>Starts serving; <paramref name="response"/> gives the bytes of the n-th answer (0, 1, ...).</summary>
    public RawHttpsServer(X509Certificate2 certificate, Func<int, byte[]> response)
    {
        _certificate = certificate;
        _response = response;
        Start();
    }

    protected override async Task ServeAsync(TcpClient client, int n, CancellationToken cancellationToken)
    {
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions { ServerCertificate = _certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
            cancellationToken);
        await ReadRequestAsync(tls, cancellationToken);
        await tls.WriteAsync(_response(n), cancellationToken);
        await tls.FlushAsync(cancellationToken);
    }

    /// <summary>Reads the request head and a Content-Length body.</summary>
    private static async Task ReadRequestAsync(SslStream tls, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        byte[] buffer = new byte[4096];
        int headEnd = -1;
        while (headEnd < 0)
        {
            int read = await tls.ReadAsync(buffer, cancellationToken);
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
            int read = await tls.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            have += read;
        }
    }
}
