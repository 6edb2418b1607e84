using System;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Suites;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The suites the key-generation tests run over, by the Zcash Foundation vector directory name
/// (../shared/vectors/frost/zcashfoundation/&lt;name&gt;); one line per suite whose group exists.
/// </summary>
internal static class KeyGenSuites
{
    internal static TheoryData<string> Names => new()
    {
        "frost-ed25519",
        "frost-ristretto255",
        "frost-p256",
        "frost-secp256k1",
    };

    internal static FrostSuite Get(string name) => name switch
    {
        "frost-ed25519" => Ed25519Sha512Suite.Instance,
        "frost-ristretto255" => Ristretto255Sha512Suite.Instance,
        "frost-p256" => P256Sha256Suite.Instance,
        "frost-secp256k1" => Secp256k1Sha256Suite.Instance,
        _ => throw new ArgumentException($"No suite for {name}.", nameof(name)),
    };

    internal static FrostCiphersuite Ciphersuite(string name) => name switch
    {
        "frost-ed25519" => FrostCiphersuite.Ed25519,
        "frost-ristretto255" => FrostCiphersuite.Ristretto255,
        "frost-p256" => FrostCiphersuite.P256,
        "frost-secp256k1" => FrostCiphersuite.Secp256k1,
        _ => throw new ArgumentException($"No ciphersuite for {name}.", nameof(name)),
    };

    internal static string VectorPath(string name, string file) =>
        Testing.VectorFiles.Resolve($"frost/zcashfoundation/{name}/{file}");
}
