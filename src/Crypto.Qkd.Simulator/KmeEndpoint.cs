// KmeEndpoint: where one KME of the simulator listens, and its KME ID.

using System;
using System.Globalization;
using System.Net;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>An address a simulated KME listens on (HTTPS only) and the KME ID it reports (014 <c>source_KME_ID</c>).</summary>
/// <param name="Host">An IP address literal or <c>localhost</c> (127.0.0.1).</param>
/// <param name="Port">The TCP port; 0 picks a free port.</param>
/// <param name="KmeId">The KME ID.</param>
public sealed record KmeEndpoint(string Host, int Port, string KmeId)
{
    /// <summary>Parses <c>HOST:PORT</c> (IPv6 in brackets: <c>[::1]:8443</c>).</summary>
    /// <param name="hostAndPort">The address.</param>
    /// <param name="kmeId">The KME ID.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The address is not of that form, or the KME ID is empty.</exception>
    public static KmeEndpoint Parse(string hostAndPort, string kmeId)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostAndPort);
        ArgumentException.ThrowIfNullOrEmpty(kmeId);
        int colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostAndPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            throw new ArgumentException($"'{hostAndPort}' is not HOST:PORT with a port from 0 to 65535.", nameof(hostAndPort));
        }

        string host = hostAndPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        var endpoint = new KmeEndpoint(host, port, kmeId);
        _ = endpoint.Address();
        return endpoint;
    }

    /// <summary>The IP address to bind.</summary>
    internal IPAddress Address()
    {
        if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(Host, out IPAddress? address)
            ? address
            : throw new ArgumentException($"The host '{Host}' is not an IP address or localhost.", nameof(Host));
    }

    /// <summary>The https URL of this endpoint with the given (actual) port.</summary>
    internal Uri Url(int port)
    {
        string host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{host}:{port}"));
    }
}
