using System;
using System.Collections.Generic;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The FROST ciphersuites under test, with their vector files. Adding a suite is one line in <see cref="All"/>.
/// </summary>
internal static class FrostTestSuites
{
    /// <summary>(ciphersuite, RFC 9591 vector file under frost/rfc9591/, Zcash Foundation folder under frost/zcashfoundation/).</summary>
    internal static readonly (FrostCiphersuite Suite, string RfcFile, string ZcashFolder)[] All =
    [
        (FrostCiphersuite.Ed25519, "frost-ed25519-sha512.json", "frost-ed25519"),
        (FrostCiphersuite.Ristretto255, "frost-ristretto255-sha512.json", "frost-ristretto255"),
        (FrostCiphersuite.Ed448, "frost-ed448-shake256.json", "frost-ed448"),
        (FrostCiphersuite.P256, "frost-p256-sha256.json", "frost-p256"),
        (FrostCiphersuite.Secp256k1, "frost-secp256k1-sha256.json", "frost-secp256k1"),
    ];

    /// <summary>Every suite's name, for theories.</summary>
    internal static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach ((FrostCiphersuite suite, _, _) in All)
        {
            data.Add(suite.Name);
        }

        return data;
    }

    /// <summary>Every signing vector file (manifest path) with its suite name.</summary>
    internal static TheoryData<string, string> SigningVectorFiles()
    {
        var data = new TheoryData<string, string>();
        foreach ((FrostCiphersuite suite, string rfcFile, string zcashFolder) in All)
        {
            data.Add(suite.Name, "frost/rfc9591/" + rfcFile);
            data.Add(suite.Name, $"frost/zcashfoundation/{zcashFolder}/vectors.json");
            data.Add(suite.Name, $"frost/zcashfoundation/{zcashFolder}/vectors-big-identifier.json");
        }

        return data;
    }

    internal static FrostCiphersuite ForRfcFile(string file)
    {
        foreach ((FrostCiphersuite suite, string rfcFile, _) in All)
        {
            if (rfcFile == file)
            {
                return suite;
            }
        }

        throw new ArgumentException($"No suite for {file}.", nameof(file));
    }

    internal static IEnumerable<FrostCiphersuite> Suites()
    {
        foreach ((FrostCiphersuite suite, _, _) in All)
        {
            yield return suite;
        }
    }
}
