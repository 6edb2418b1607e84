using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// A raw TCP server on 127.0.0.1 (port 0) for peers Kestrel cannot play: it accepts connections one at a time and hands
/// each to <see cref="ServeAsync"/> until disposed. A subclass calls <see cref="Start"/> at the end of its constructor.
/// </summary>
internal abstract class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    protected LoopbackTcpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Uri = new Uri($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
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

    /// <summary>Starts the accept loop (after the subclass has set its fields).</summary>
    protected void Start() => _loop = AcceptLoopAsync();

    /// <summary>Serves the <paramref name="n"/>-th connection (0, 1, ...); the client is closed afterwards.</summary>
    protected abstract Task ServeAsync(TcpClient client, int n, CancellationToken cancellationToken);

    private async Task AcceptLoopAsync()
    {
        for (int n = 0; !_stop.IsCancellationRequested; n++)
        {
            using TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await ServeAsync(client, n, _stop.Token);
        }
    }
}
