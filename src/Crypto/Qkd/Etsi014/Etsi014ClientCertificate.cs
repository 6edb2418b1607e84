// Etsi014ClientCertificate: loading the SAE's client certificate for the mutually authenticated TLS that ETSI GS QKD
// 014 requires (the KME derives the caller's SAE ID from it).

using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd.Etsi014;

/// <summary>Loads an SAE's client certificate with its private key, for <see cref="Etsi014ClientOptions.ClientCertificate"/>.</summary>
public static class Etsi014ClientCertificate
{
    /// <summary>Loads a certificate and its private key from PEM files (the key as PKCS#8, SEC1 or PKCS#1 PEM).</summary>
    /// <param name="certificatePemPath">The certificate's PEM file.</param>
    /// <param name="keyPemPath">The private key's PEM file, or null when it is in <paramref name="certificatePemPath"/>.</param>
    /// <param name="keyPassword">The password of an encrypted PKCS#8 key, or null for an unencrypted key.</param>
    /// <returns>The certificate with its private key; the caller disposes of it.</returns>
    /// <exception cref="ArgumentException">A path is null or empty.</exception>
    /// <exception cref="System.IO.IOException">A file cannot be read.</exception>
    /// <exception cref="CryptographicException">The files hold no certificate, no matching private key, or a wrong password.</exception>
    public static X509Certificate2 FromPemFiles(string certificatePemPath, string? keyPemPath = null, string? keyPassword = null)
    {
        QkdArguments.ThrowIfNullOrEmpty(certificatePemPath);
        if (keyPemPath is not null)
        {
            QkdArguments.ThrowIfNullOrEmpty(keyPemPath);
        }

        using X509Certificate2 loaded = keyPassword is null
            ? X509Certificate2.CreateFromPemFile(certificatePemPath, keyPemPath)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePemPath, keyPassword, keyPemPath);

        // A PEM key is ephemeral; Windows' TLS stack (SChannel) can only use a key that went through PKCS#12, so the pair
        // is re-imported that way everywhere (one code path, and harmless on Linux and macOS).
        byte[] pkcs12 = loaded.Export(X509ContentType.Pkcs12);
        try
        {
            return X509CertificateLoader.LoadPkcs12(pkcs12, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs12);
        }
    }

    /// <summary>Loads a certificate and its private key from a PKCS#12 (PFX) file.</summary>
    /// <param name="pfxPath">The PFX file.</param>
    /// <param name="password">Its password, or null when it has none.</param>
    /// <returns>The certificate with its private key; the caller disposes of it.</returns>
    /// <exception cref="ArgumentException">The path is null or empty, or the file holds no certificate with a private key.</exception>
    /// <exception cref="System.IO.IOException">The file cannot be read.</exception>
    /// <exception cref="CryptographicException">The file is not PKCS#12 or the password is wrong.</exception>
    public static X509Certificate2 FromPfxFile(string pfxPath, string? password = null)
    {
        QkdArguments.ThrowIfNullOrEmpty(pfxPath);
        X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw Error.Qkd_NotAcceptable(nameof(pfxPath), "The PFX file", "holds no certificate with a private key");
        }

        return certificate;
    }
}
