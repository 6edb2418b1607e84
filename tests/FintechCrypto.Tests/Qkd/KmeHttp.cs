using System;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>Plain HttpClient access to a KME over mutual TLS (not the library's 014 client), for the simulator tests.</summary>
internal static class KmeHttp
{
    /// <summary>A client presenting <paramref name="clientCertificate"/> (or none) and trusting only <paramref name="ca"/> for the server.</summary>
    public static HttpClient Client(X509Certificate2? clientCertificate, X509Certificate2 ca)
    {
        var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CheckCertificateRevocationList = false,
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificates.Add(clientCertificate);
        }

        handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate);
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public static async Task<(int Status, string ContentType, JsonElement Json, string Text)> SendAsync(HttpClient client, HttpMethod method, Uri url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string type = response.Content.Headers.ContentType?.MediaType ?? "";
        JsonElement parsed = default;
        if (type == "application/json")
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            parsed = doc.RootElement.Clone();
        }

        return ((int)response.StatusCode, type, parsed, text);
    }

    public static Task<(int Status, string ContentType, JsonElement Json, string Text)> GetAsync(HttpClient client, Uri kme, string path) =>
        SendAsync(client, HttpMethod.Get, new Uri(kme, path));

    public static Task<(int Status, string ContentType, JsonElement Json, string Text)> PostAsync(HttpClient client, Uri kme, string path, string json) =>
        SendAsync(client, HttpMethod.Post, new Uri(kme, path), json);

    /// <summary>The (key_ID, key bytes) pairs of a 014 Key container, checking its shape.</summary>
    public static (Guid Id, byte[] Key)[] Keys(JsonElement container)
    {
        Assert.Equal(new[] { "keys" }, container.EnumerateObject().Select(p => p.Name).ToArray());
        return container.GetProperty("keys").EnumerateArray().Select(k =>
        {
            Assert.Equal(new[] { "key_ID", "key" }, k.EnumerateObject().Select(p => p.Name).ToArray());
            return (Guid.ParseExact(k.GetProperty("key_ID").GetString()!, "D"), Convert.FromBase64String(k.GetProperty("key").GetString()!));
        }).ToArray();
    }

    public static string Message(JsonElement error) => error.GetProperty("message").GetString()!;
}
