using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FintechCrypto.Threshold;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FintechCrypto.Tests.Properties;

/// <summary>
/// Issue 11, defect 6: checks that an exception thrown for malformed secret-bearing input carries no part of the
/// secret anywhere in its chain: Message, every InnerException's Message, ToString() and Data, of every exception in
/// the chain. The secret is searched for in every plausible rendering:
/// <list type="bullet">
/// <item>the whole secret as lowercase and uppercase hex, base64, and Latin-1 text;</item>
/// <item>any 4 consecutive characters of the secret's hex (8 for secrets over 64 bytes) inside a hex-looking token of
/// the text (case-insensitive), after dropping stack-trace lines (code locations only), decimal numbers (counts and
/// sizes) and algorithm names such as "Ed25519";</item>
/// <item>any 4 consecutive secret bytes as Latin-1 text;</item>
/// <item>any 8-character window of the malformed input that holds at least 4 characters of the secret field, and
/// any single character of the secret field next to the mutation in quotes (System.Text.Json's messages quote the
/// character where parsing failed).</item>
/// </list>
/// It also requires that no foreign decoder exception (JsonException, AsnContentException, FormatException, a raw
/// CryptographicException, a BouncyCastle exception) rides along as an inner exception: their messages quote the input
/// (System.Text.Json quotes the offending character, BouncyCastle the encoding byte).
/// </summary>
internal static class SecretEcho
{
    // Tokens that legitimately hold 4+ hex characters in our messages: algorithm and suite names, RFC numbers.
    private static readonly Regex s_benign = new(
        @"(?i)ed25519|ed448|x25519|x448|25519|secp256[rk]1|p-?256|p-?384|sha-?\d+(/\d+)?|shake-?\d+|ml-(kem|dsa)-\d+|slh-dsa-[a-z0-9-]+|\d+[fs]\b|aead|rfc\s?\d+|frost-[a-z0-9-]+",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_hexToken = new(@"(?<![A-Za-z_])[0-9A-Fa-f]{4,}(?![A-Za-z_])", RegexOptions.CultureInvariant);

    /// <summary>Every exception of the chain (AggregateException's inner exceptions included).</summary>
    /// <summary>FsCheck input for mutation properties: a sample index and up to four (position, byte, delete) edits.</summary>
    internal static Arbitrary<(int Pick, List<((int Position, byte Byte), bool Delete)> Edits)> ByteEdits { get; } =
        Gen.Choose(0, int.MaxValue).Zip(Gen.ListOf(Gen.Choose(0, int.MaxValue).Zip(ArbMap.Default.GeneratorFor<byte>()).Zip(ArbMap.Default.GeneratorFor<bool>()))).ToArbitrary();

    /// <summary>Applies the first four edits (replace the byte, or delete it) to a copy of <paramref name="source"/>.</summary>
    internal static byte[] ApplyEdits(byte[] source, IList<((int Position, byte Byte), bool Delete)> edits)
    {
        List<byte> bytes = [.. source];
        foreach (((int position, byte b), bool delete) in edits.Take(4))
        {
            if (bytes.Count == 0)
            {
                break;
            }

            int at = position % bytes.Count;
            if (delete)
            {
                bytes.RemoveAt(at);
            }
            else
            {
                bytes[at] = b;
            }
        }

        return [.. bytes];
    }

    internal static IEnumerable<Exception> Chain(Exception e)
    {
        var stack = new Stack<Exception>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            Exception current = stack.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    stack.Push(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                stack.Push(current.InnerException);
            }
        }
    }

    /// <summary>All the text the exception chain carries: messages, ToString() and Data of every exception.</summary>
    internal static string AllText(Exception e)
    {
        var text = new StringBuilder();
        foreach (Exception x in Chain(e))
        {
            text.AppendLine(x.GetType().FullName).AppendLine(x.Message).AppendLine(x.ToString());
            foreach (DictionaryEntry entry in x.Data)
            {
                text.AppendLine(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture))
                    .AppendLine(Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture));
                if (entry.Value is byte[] bytes)
                {
                    text.AppendLine(Convert.ToHexString(bytes));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Asserts that <paramref name="e"/> is of our family and carries no rendering of any of <paramref name="secrets"/>,
    /// nor any window of <paramref name="malformed"/> that overlaps a secret field (<paramref name="secretMask"/> marks
    /// which characters of <paramref name="malformed"/> came from a secret field; null to skip that check).
/// <paramref name="mutationAt"/> is where the input was mutated (or -1): a quoted secret character next to it is an
/// echo of the place where parsing failed.
    /// </summary>
    internal static void AssertClean(Exception e, IReadOnlyList<byte[]> secrets, string? malformed, bool[]? secretMask, string where, int mutationAt = -1)
    {
        Assert.True(e is FintechCryptoException or ArgumentException, $"{where}: {e.GetType().FullName} is not of our family");
        foreach (Exception x in Chain(e).Skip(1))
        {
            Assert.True(
                x is FintechCryptoException or ArgumentException,
                $"{where}: the inner exception {x.GetType().FullName} is a decoder's exception, whose message may quote the input");
        }

        string all = AllText(e);
        string sanitized = Sanitize(all);
        foreach (byte[] secret in secrets)
        {
            string hex = Convert.ToHexStringLower(secret);
            foreach (string rendering in new[] { hex, Convert.ToBase64String(secret), Encoding.Latin1.GetString(secret) })
            {
                Assert.False(all.Contains(rendering, StringComparison.OrdinalIgnoreCase), $"{where}: the exception carries the whole secret");
            }

            int run = secret.Length <= 64 ? 4 : 8;
            foreach (Match token in s_hexToken.Matches(sanitized))
            {
                string lower = token.Value.ToLowerInvariant();
                for (int i = 0; i + run <= lower.Length; i++)
                {
                    string piece = lower.Substring(i, run);
                    Assert.False(hex.Contains(piece, StringComparison.Ordinal), $"{where}: the exception carries '{piece}', {run} hex digits of the secret, in '{Excerpt(sanitized, token.Index)}'");
                }
            }

            for (int i = 0; i + 4 <= secret.Length; i++)
            {
                string latin = Encoding.Latin1.GetString(secret, i, 4);
                Assert.False(all.Contains(latin, StringComparison.Ordinal), $"{where}: the exception carries 4 secret bytes as text");
            }
        }

        if (malformed is not null && secretMask is not null)
        {
            for (int i = Math.Max(0, mutationAt - 1); mutationAt >= 0 && i <= mutationAt + 1 && i < malformed.Length; i++)
            {
                Assert.False(
                    secretMask[i] && all.Contains($"'{malformed[i]}'", StringComparison.Ordinal),
                    $"{where}: the exception quotes a character of the secret field, as System.Text.Json's messages do");
            }

            for (int i = 0; i + 8 <= malformed.Length; i++)
            {
                int fromSecret = 0;
                for (int j = i; j < i + 8; j++)
                {
                    fromSecret += secretMask[j] ? 1 : 0;
                }

                if (fromSecret >= 4)
                {
                    string window = malformed.Substring(i, 8);
                    Assert.False(all.Contains(window, StringComparison.OrdinalIgnoreCase), $"{where}: the exception quotes the malformed input around the secret field");
                }
            }
        }
    }

    /// <summary>Drops stack-trace lines (code locations only), decimal numbers and benign names from the text.</summary>
    private static string Sanitize(string text)
    {
        var kept = new StringBuilder();
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("--- End of", StringComparison.Ordinal))
            {
                continue;
            }

            kept.AppendLine(line);
        }

        string s = s_benign.Replace(kept.ToString(), " ");
        foreach (FrostCiphersuite suite in FrostCiphersuiteNames())
        {
            s = s.Replace(suite.Name, " ", StringComparison.OrdinalIgnoreCase);
        }

        return Regex.Replace(s, @"(?<![A-Za-z])\d+(?![A-Za-z])", " ");
    }

    private static IEnumerable<FrostCiphersuite> FrostCiphersuiteNames() =>
        [FrostCiphersuite.Ed25519, FrostCiphersuite.Ristretto255, FrostCiphersuite.Ed448, FrostCiphersuite.P256, FrostCiphersuite.Secp256k1];

    private static string Excerpt(string text, int index) => text.Substring(Math.Max(0, index - 40), Math.Min(text.Length - Math.Max(0, index - 40), 80)).ReplaceLineEndings(" ");
}
