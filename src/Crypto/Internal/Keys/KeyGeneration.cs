using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Keys;

/// <summary>Key generation, the one place a key's seed is drawn from the system's generator.</summary>
internal static class KeyGeneration
{
    /// <summary>
    /// Draws <see cref="IKeyAlgorithm{TPrivateCore, TPublicCore}.KeyGenerationSeedSize"/> bytes from
    /// <see cref="RandomNumberGenerator"/> into cleared stack memory and generates the core from them.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    internal static TPrivateCore Generate<TPrivateCore, TPublicCore>(IKeyAlgorithm<TPrivateCore, TPublicCore>? algorithm)
        where TPrivateCore : PrivateKeyCore
        where TPublicCore : PublicKeyCore
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        Span<byte> seed = stackalloc byte[algorithm.KeyGenerationSeedSize];
        try
        {
            RandomNumberGenerator.Fill(seed);
            return algorithm.GenerateCore(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
