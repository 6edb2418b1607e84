// KmePkiFiles: where KmePki.WriteTo put the lab's files (cli.md "QKD": {"ca", "kme", "saes"}).

using System.Collections.Generic;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>The files <see cref="KmePki.WriteTo"/> wrote.</summary>
/// <param name="CaPath">The CA certificate, PEM (<c>ca.pem</c>).</param>
/// <param name="KmePath">The KME server certificate and key, PKCS#12 without a password (<c>kme.pfx</c>).</param>
/// <param name="SaePaths">Each SAE's certificate and key, PKCS#12 without a password (<c>ID.pfx</c>), by SAE ID.</param>
public sealed record KmePkiFiles(string CaPath, string KmePath, IReadOnlyDictionary<string, string> SaePaths);
