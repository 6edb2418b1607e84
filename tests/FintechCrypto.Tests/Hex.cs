using System;

namespace FintechCrypto.Tests;

internal static class Hex
{
    internal static byte[] Decode(string hex) => Convert.FromHexString(hex);

    internal static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
