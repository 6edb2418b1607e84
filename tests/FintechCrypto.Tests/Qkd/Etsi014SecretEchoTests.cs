using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd.Etsi014;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Issue 11 defect 6 for ETSI GS QKD 014: no exception of the client, the response parser or the key-file loader
/// (message, ToString(), every inner exception, Data, the KME message) carries the bytes of a key, whatever the answer:
/// valid answers mutated at every position, random mutations, and broken HTTP framing over real HTTPS.
/// </summary>
public sealed class Etsi014SecretEchoTests
{
    private static readonly Guid Id1 = Guid.Parse("bc490419-7d60-487f-adc1-4ddcc177c139");
    private static readonly Guid Id2 = Guid.Parse("0a782fb5-3434-48fe-aa4d-14f41d46cf92");

    /// <summary>
    /// Two 32-byte keys whose base64 alternates letters with '+' and '/', so that every 4-character run of it holds both:
    /// no English word, type name, path or UUID in an exception's text matches one by chance; any run found is an echo.
    /// </summary>
    private static readonly string B64A = Pattern("QmZ7kTr3xVbN5pHdWc9sLg");
    private static readonly string B64B = Pattern("wYq2Ue8Ki4Mo6Gt1Sj0nAQ");

    private static readonly string ValidBody =
        "{\"keys\":[{\"key_ID\":\"" + Id1 + "\",\"key\":\"" + B64A + "\",\"key_extension\":{\"abc\":1}}," +
        "{\"key_ID\":\"" + Id2 + "\",\"key\":\"" + B64B + "\"}],\"key_container_extension\":{}}";

    /// <summary>Characters put in place of each character of the valid answer (JSON syntax, base64, white space, control, non-ASCII).</summary>
    private static readonly string[] s_replacements = { "", "\"", "\\", "}", ",", " ", "x", "\0", "\u00e9" };

    public static IEnumerable<object[]> Positions() => Enumerable.Range(0, ValidBody.Length).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Positions))]
    public void EveryPosition_DeletedOrReplaced_TheParserNeverEchoesAKey(int position)
    {
        foreach (string replacement in s_replacements)
        {
            byte[] body = Encoding.UTF8.GetBytes(ValidBody[..position] + replacement + ValidBody[(position + 1)..]);
            ParseEveryWay(body);
        }
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task EveryPosition_Deleted_TheClientNeverEchoesAKey_EncKeysDecKeysAndStatus(int position)
    {
        foreach (string replacement in new[] { "", "\"" })
        {
            string body = ValidBody[..position] + replacement + ValidBody[(position + 1)..];
            foreach (int status in new[] { 200, 400 })
            {
                var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(status, body));
                using Etsi014KeySource source = Etsi014TestClients.Create(handler);
                await ClientCallAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256)));
                await ClientCallAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Id2 }));
                await ClientCallAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Id2 }, 256));

                // A Status body holding keys (a KME answering the wrong document).
                using Etsi014KeySource statusSource = Etsi014TestClients.Create(new StubKmeHandler(_ => StubKmeHandler.Json(status, body)));
                await ClientCallAsync(() => statusSource.GetStatusAsync("SAE_B"));
            }
        }
    }

    [Fact]
    public void KeyFile_EveryPositionDeletedOrReplaced_TheStaticSourceNeverEchoesAKey()
    {
        string directory = Path.Combine(Path.GetTempPath(), "fc-echo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "keys.json");
            for (int position = 0; position < ValidBody.Length; position++)
            {
                foreach (string replacement in new[] { "", "\"", "}" })
                {
                    File.WriteAllText(path, ValidBody[..position] + replacement + ValidBody[(position + 1)..]);
                    try
                    {
                        StaticQkdKeySource.FromFile(path, "SAE_A").Dispose();
                    }
                    catch (Exception e) when (e is KeySourceException or ArgumentException)
                    {
                        AssertNoKey(e);
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Property(MaxTest = 500)]
    public void RandomMutations_TheParserNeverEchoesAKey(NonEmptyArray<Tuple<NonNegativeInt, byte, byte>> edits)
    {
        var body = new List<byte>(Encoding.UTF8.GetBytes(ValidBody));
        foreach ((NonNegativeInt where, byte value, byte kind) in edits.Get)
        {
            int at = where.Get % (body.Count + 1);
            switch (kind % 3)
            {
                case 0 when at < body.Count: body.RemoveAt(at); break;
                case 1 when at < body.Count: body[at] = value; break;
                default: body.Insert(at, value); break;
            }
        }

        ParseEveryWay(body.ToArray());
    }

    public static TheoryData<string, string> BrokenFramings => new()
    {
        // A chunk size line that is body text: HttpClient quotes it ("invalid chunk extension: '77-6F-...'").
        { "chunk header", "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"key\r\n" + B64A + "\r\n" },

        // A chunk longer than announced: the terminator HttpClient expects is key text.
        { "chunk terminator", "Transfer-Encoding: chunked\r\n\r\n4\r\n" + B64A + "\r\n0\r\n\r\n" },

        // A header line without a colon holding a key.
        { "header line", "X-Debug " + B64A + "\r\nContent-Length: 2\r\n\r\n{}" },
    };

    [Theory]
    [MemberData(nameof(BrokenFramings))]
    public async Task BrokenHttpFraming_OverRealHttps_DoesNotEchoTheKey_InAnyInnerException(string name, string framing)
    {
        using TestPki pki = TestPki.Create("echo CA");
        using X509Certificate2 serverCertificate = pki.IssueServer();
        byte[] answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing);
        await using RawHttpsServer server = new(serverCertificate, _ => answer);
        using Etsi014KeySource source = new(new Etsi014ClientOptions
        {
            KmeUri = server.Uri,
            TrustedRoots = new X509Certificate2Collection(pki.CaPublic()),
            Retry = Etsi014RetryPolicy.None,
        });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));

        Assert.True(e.Error == KeySourceError.InvalidResponse, $"{name}: {e.Error}");
        AssertNoKey(e);
    }

    /// <summary>The reader as the client (Get key, Get key with key IDs, with and without a size) and the key file use it.</summary>
    private static void ParseEveryWay(byte[] body)
    {
        Parse(() => Etsi014ResponseReader.ReadKeyContainer(body, 2, 32, null));
        Parse(() => Etsi014ResponseReader.ReadKeyContainer(body, 2, null, new[] { Id1, Id2 }));
        Parse(() => Etsi014ResponseReader.ReadKeyContainer(body, 2, 32, new[] { Id2, Id1 }));
        Parse(() => Etsi014ResponseReader.ReadKeyContainer(body, StaticQkdKeySource.MaxKeys, null, null, exactCount: false));
        try
        {
            Etsi014ResponseReader.ReadStatus(body, "SAE_B");
        }
        catch (KeySourceException e)
        {
            AssertNoKey(e);
        }

        string? message = Etsi014ResponseReader.ReadErrorMessage(body);
        Assert.True(message is null || !Echoes(message), message);
    }

    private static void Parse(Func<QkdKeyContainer> parse)
    {
        try
        {
            parse().Dispose();
        }
        catch (KeySourceException e)
        {
            AssertNoKey(e);
        }
    }

    private static async Task ClientCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            T result = await call();
            (result as IDisposable)?.Dispose();
        }
        catch (KeySourceException e)
        {
            AssertNoKey(e);
        }
    }

    /// <summary>
    /// Searches the whole chain: every message, Data and KmeMessage, and ToString() (type names, inner exceptions, stack
    /// traces) once per distinct chain of messages, as rendering stack traces with line numbers is slow.
    /// </summary>
    private static void AssertNoKey(Exception e)
    {
        var texts = new List<string>();
        var messages = new StringBuilder();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            texts.Add(x.Message);
            messages.Append(x.GetType().FullName).Append(':').Append(x.Message).Append('\n');
            foreach (DictionaryEntry entry in x.Data)
            {
                texts.Add($"{entry.Key}={entry.Value}");
            }

            if (x is KeySourceException { KmeMessage: string kme })
            {
                texts.Add(kme);
            }
        }

        bool first;
        lock (s_rendered)
        {
            first = s_rendered.Add(messages.ToString());
        }

        if (first)
        {
            texts.Add(e.ToString());
        }

        foreach (string text in texts)
        {
            Assert.False(Echoes(text), $"key material in: {text}");
        }
    }

    private static readonly HashSet<string> s_rendered = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="text"/> holds any 4-character run of a key's base64, any 4 bytes of a key in hex, or 4
    /// bytes of its base64 text in hex (HttpClient writes body bytes as "77-6F-52-47"); hex in either case.
    /// </summary>
    private static bool Echoes(string text)
    {
        (HashSet<string> base64Runs, HashSet<string> hexRuns) = s_needles.Value;
        for (int i = 0; i + 4 <= text.Length; i++)
        {
            if (base64Runs.Contains(text.Substring(i, 4)))
            {
                return true;
            }
        }

        string upper = text.ToUpperInvariant();
        foreach (int length in new[] { 8, 11 })
        {
            for (int i = 0; i + length <= upper.Length; i++)
            {
                if (hexRuns.Contains(upper.Substring(i, length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly Lazy<(HashSet<string> Base64Runs, HashSet<string> HexRuns)> s_needles = new(() =>
    {
        var base64Runs = new HashSet<string>(StringComparer.Ordinal);
        var hexRuns = new HashSet<string>(StringComparer.Ordinal);
        foreach (string b64 in new[] { B64A, B64B })
        {
            byte[] key = Convert.FromBase64String(b64);
            byte[] ascii = Encoding.ASCII.GetBytes(b64);
            for (int i = 0; i + 4 <= b64.Length; i++)
            {
                base64Runs.Add(b64.Substring(i, 4));
                hexRuns.Add(BitConverter.ToString(ascii, i, 4));
                hexRuns.Add(Convert.ToHexString(ascii, i, 4));
            }

            for (int i = 0; i + 4 <= key.Length; i++)
            {
                hexRuns.Add(Convert.ToHexString(key, i, 4));
                hexRuns.Add(BitConverter.ToString(key, i, 4));
            }
        }

        return (base64Runs, hexRuns);
    });

    /// <summary>43 symbols (letters at even positions, '+' and '/' in turn at odd ones) and '=': 32 bytes of canonical base64.</summary>
    private static string Pattern(string letters)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 43; i++)
        {
            text.Append(i % 2 == 1 ? ((i / 2) % 2 == 0 ? '+' : '/') : letters[i / 2]);
        }

        string b64 = text.Append('=').ToString();
        Assert.Equal(b64, Convert.ToBase64String(Convert.FromBase64String(b64))); // canonical: the last symbol's spare bits are 0
        return b64;
    }
}
