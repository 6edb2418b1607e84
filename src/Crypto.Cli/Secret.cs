using System.Security.Cryptography;

namespace FintechCrypto.Cli;

/// <summary>Clearing the CLI's copies of secret bytes (decoded options, exported keys, shared secrets) when a command ends.</summary>
internal static class Secret
{
    /// <summary>Zeroes each buffer that is not null.</summary>
    public static void Clear(params byte[]?[] buffers)
    {
        foreach (byte[]? buffer in buffers)
        {
            if (buffer is not null)
            {
                CryptographicOperations.ZeroMemory(buffer);
            }
        }
    }
}
