using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// A minimal HTTPS server on Kestrel (127.0.0.1, port 0) that requires a client certificate from a given CA and answers
/// canned ETSI GS QKD 014 JSON: enough to test the client's TLS and wire behaviour; not a KME simulator. Key bytes are
/// HKDF-SHA256 of the key ID, so a dec_keys answer repeats what enc_keys gave for the same ID.
/// </summary>
internal sealed class CannedKmeServer : IAsyncDisposable
{
    /// <summary>A slave SAE ID for which enc_keys answers 503 "insufficient keys".</summary>
    public const string ExhaustedSlave = "SAE_EMPTY";

    private readonly WebApplication _app;
    private readonly List<(string Method, string PathAndQuery, string? ClientCn)> _requests = new();

    private CannedKmeServer(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
    }

    public Uri Uri { get; }

    public IReadOnlyList<(string Method, string PathAndQuery, string? ClientCn)> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>
    /// Starts the server with <paramref name="serverCertificate"/>, accepting client certificates issued by
    /// <paramref name="clientCa"/>, over <paramref name="protocols"/> (TLS 1.2 and 1.3 by default).
    /// </summary>
    public static async Task<CannedKmeServer> StartAsync(X509Certificate2 serverCertificate, X509Certificate2 clientCa, SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        X509Certificate2 caPublic = X509CertificateLoader.LoadCertificate(clientCa.RawData);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = serverCertificate,
                SslProtocols = protocols,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                ClientCertificateValidation = (certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(caPublic);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(certificate);
                },
            }));
        });

        WebApplication app = builder.Build();
        CannedKmeServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new CannedKmeServer(app, new Uri(address));
        return server;
    }

    public static byte[] KeyFor(Guid id, int bytes) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, id.ToByteArray(), bytes, Array.Empty<byte>(), Encoding.ASCII.GetBytes("canned"));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string? cn = context.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false);
        lock (_requests)
        {
            _requests.Add((context.Request.Method, context.Request.Path + context.Request.QueryString, cn));
        }

        string[] segments = context.Request.Path.Value!.Trim('/').Split('/');
        if (segments.Length != 5 || segments[0] != "api" || segments[1] != "v1" || segments[2] != "keys")
        {
            context.Response.StatusCode = 404;
            return;
        }

        string sae = Uri.UnescapeDataString(segments[3]);
        string method = segments[4];
        using JsonDocument? body = context.Request.Method == "POST" ? await JsonDocument.ParseAsync(context.Request.Body) : null;
        (int status, string json) = method switch
        {
            "status" => (200, Kme014Json.Status(slave: sae, master: cn ?? "")),
            "enc_keys" when sae == ExhaustedSlave => (503, Kme014Json.Error("insufficient keys available for this SAE pair")),
            "enc_keys" => (200, NewKeys(context, body)),
            "dec_keys" => (200, KnownKeys(context, body)),
            _ => (404, Kme014Json.Error("unknown method")),
        };

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    private static string NewKeys(HttpContext context, JsonDocument? body)
    {
        int number = body is null ? int.Parse(context.Request.Query["number"].ToString(), CultureInfo.InvariantCulture) : body.RootElement.GetProperty("number").GetInt32();
        int size = body is null
            ? (context.Request.Query.ContainsKey("size") ? int.Parse(context.Request.Query["size"].ToString(), CultureInfo.InvariantCulture) : 256)
            : (body.RootElement.TryGetProperty("size", out JsonElement s) ? s.GetInt32() : 256);
        return Kme014Json.Keys(Enumerable.Range(0, number).Select(_ => Guid.NewGuid()).Select(id => (id, KeyFor(id, size / 8))).ToArray());
    }

    private static string KnownKeys(HttpContext context, JsonDocument? body)
    {
        Guid[] ids = body is null
            ? new[] { Guid.Parse(context.Request.Query["key_ID"].ToString()) }
            : body.RootElement.GetProperty("key_IDs").EnumerateArray().Select(k => Guid.Parse(k.GetProperty("key_ID").GetString()!)).ToArray();
        return Kme014Json.Keys(ids.Select(id => (id, KeyFor(id, 32))).ToArray());
    }
}
