// SaeIdentity: the SAE ID is the client certificate's subject CN (qkd.md §1.4, cli.md "QKD"), and the client chain is
// validated against the configured CA only.

using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>Client certificate checks of the simulated KME.</summary>
internal static class SaeIdentity
{
    private const string CommonNameOid = "2.5.4.3";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>The subject CN, or null when there is none or more than one.</summary>
    internal static string? SaeIdOf(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return null;
        }

        string? found = null;
        foreach (X500RelativeDistinguishedName rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements || rdn.GetSingleElementType().Value != CommonNameOid)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = rdn.GetSingleElementValue();
        }

        return string.IsNullOrEmpty(found) ? null : found;
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to <paramref name="authority"/> (and to nothing else), is within its
    /// validity period and allows client authentication. No revocation check: the lab CA publishes no CRL.
    /// </summary>
    internal static bool IsValidClient(X509Certificate2 certificate, X509Chain? presented, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        if (presented is not null)
        {
            // Intermediates the client sent may help; they are never trusted as roots.
            foreach (X509ChainElement element in presented.ChainElements)
            {
                if (!element.Certificate.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span))
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }
        }

        return chain.Build(certificate);
    }
}
