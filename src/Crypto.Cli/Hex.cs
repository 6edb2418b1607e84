using System;

namespace FintechCrypto.Cli;

/// <summary>
/// Hex as cli.md's "Encoding rules" define it: lowercase on output, either case on input, no <c>0x</c>
/// prefix, the empty string for the empty byte string. Error messages never repeat the input.
/// </summary>
internal static class Hex
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes <paramref name="text"/>, naming <paramref name="what"/> (e.g. <c>--msg</c>) in errors.</summary>
    public static byte[] Decode(string text, string what)
    {
        if (text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            throw new CliException($"{what} must be hex without a 0x prefix");
        }

        if (text.Length % 2 != 0)
        {
            throw new CliException($"{what} is not valid hex: it has an odd number of digits ({text.Length})");
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                throw new CliException($"{what} is not valid hex: the character at position {i} is not a hex digit");
            }
        }

        return Convert.FromHexString(text);
    }
}
