using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// A TLS peer on 127.0.0.1 (port 0) that answers every ClientHello with one fatal TLS alert record (RFC 8446 §6, §5.1:
/// content type 21, then level 2 and the alert's code) and closes: how a KME's TLS stack refuses a client certificate or
/// a protocol version during the handshake, without needing such a KME in the test.
/// </summary>
internal sealed class TlsAlertServer : LoopbackTcpServer
{
    private readonly byte _alert;

    public TlsAlertServer(byte alert)
    {
        _alert = alert;
        Start();
    }

    protected override async Task ServeAsync(TcpClient client, int n, CancellationToken cancellationToken)
    {
        NetworkStream stream = client.GetStream();

        // The ClientHello record: a 5-byte header (type 22, version, length) and its body.
        byte[] header = new byte[5];
        await stream.ReadExactlyAsync(header, cancellationToken);
        await stream.ReadExactlyAsync(new byte[(header[3] << 8) | header[4]], cancellationToken);

        // RFC 8446 §5.1 TLSPlaintext { ContentType alert(21); legacy_record_version 0x0303; length 2 } and §6 Alert
        // { AlertLevel fatal(2); AlertDescription }.
        await stream.WriteAsync(new byte[] { 21, 3, 3, 0, 2, 2, _alert }, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
