using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd.Etsi014;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Etsi014KeySource refuses every answer that is not exactly an ETSI GS QKD 014 §6.1 Status or §6.3 Key container of
/// the keys asked for (InvalidResponse), and never puts key material in an exception.
/// </summary>
public sealed class Etsi014ClientResponseTests
{
    private static readonly Guid Id1 = Guid.Parse("bc490419-7d60-487f-adc1-4ddcc177c139");
    private static readonly Guid Id2 = Guid.Parse("0a782fb5-3434-48fe-aa4d-14f41d46cf92");

    /// <summary>32 key bytes whose base64 (AAkSGyQtNj9IUVpjbHV+h5CZoqu0vcbP2OHq8/wFDhc=) has 'A', '+' and '/' and one '='.</summary>
    private static readonly byte[] Key32 = Enumerable.Range(0, 32).Select(i => (byte)((i * 9) & 0xFF)).ToArray();

    private static string B64 => Convert.ToBase64String(Key32);

    private static string Container(string keyJson) => "{\"keys\":[" + keyJson + "]}";

    private static string KeyObject(string id, string keyB64) => "{\"key_ID\":\"" + id + "\",\"key\":\"" + keyB64 + "\"}";

    public static TheoryData<string, string> BadContainers => new()
    {
        { "not json", "keys: []" },
        { "empty body", "" },
        { "html", "<html><body>OK</body></html>" },
        { "array", "[" + KeyObject(Id1.ToString(), B64) + "]" },
        { "truncated", Container(KeyObject(Id1.ToString(), B64))[..^3] },
        { "trailing garbage", Container(KeyObject(Id1.ToString(), B64)) + "x" },
        { "two documents", Container(KeyObject(Id1.ToString(), B64)) + Container(KeyObject(Id1.ToString(), B64)) },
        { "no keys", "{\"key_container_extension\":{}}" },
        { "keys not an array", "{\"keys\":{}}" },
        { "keys twice", "{\"keys\":[],\"keys\":[" + KeyObject(Id1.ToString(), B64) + "]}" },
        { "no key", Container("{\"key_ID\":\"" + Id1 + "\"}") },
        { "no key_ID", Container("{\"key\":\"" + B64 + "\"}") },
        { "key_ID not a UUID", Container(KeyObject("key-1", B64)) },
        { "key_ID in braces", Container(KeyObject("{" + Id1 + "}", B64)) },
        { "key_ID without hyphens", Container(KeyObject(Id1.ToString("N"), B64)) },
        { "key_ID a number", Container("{\"key_ID\":1,\"key\":\"" + B64 + "\"}") },
        { "key a number", Container("{\"key_ID\":\"" + Id1 + "\",\"key\":12}") },
        { "key twice", Container("{\"key_ID\":\"" + Id1 + "\",\"key\":\"" + B64 + "\",\"key\":\"" + B64 + "\"}") },
        { "key_ID twice", Container("{\"key_ID\":\"" + Id1 + "\",\"key_ID\":\"" + Id1 + "\",\"key\":\"" + B64 + "\"}") },
        { "key empty", Container(KeyObject(Id1.ToString(), "")) },
        { "key with a space", Container(KeyObject(Id1.ToString(), B64[..20] + " " + B64[20..])) },
        { "key with a line break", Container(KeyObject(Id1.ToString(), B64[..20] + "\\n" + B64[20..])) },
        { "key url-safe", Container(KeyObject(Id1.ToString(), B64.Replace('+', '-').Replace('/', '_'))) },
        { "key unpadded", Container(KeyObject(Id1.ToString(), B64.TrimEnd('='))) },
        { "key over-padded", Container(KeyObject(Id1.ToString(), B64 + "==")) },
        { "key padding inside", Container(KeyObject(Id1.ToString(), B64[..4] + "=" + B64[5..])) },
        { "key non-canonical pad bits", Container(KeyObject(Id1.ToString(), B64[..^2] + NextSymbol(B64[^2]) + "=")) },
        { "key_extension not an object", Container("{\"key_ID\":\"" + Id1 + "\",\"key\":\"" + B64 + "\",\"key_extension\":\"x\"}") },
        { "key_ID_extension an array", Container("{\"key_ID\":\"" + Id1 + "\",\"key_ID_extension\":[],\"key\":\"" + B64 + "\"}") },
        { "container extension a number", "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "],\"key_container_extension\":1}" },
        { "key object a string", Container("\"" + B64 + "\"") },
        { "comment", "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "] /* c */}" },
        { "trailing comma", "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + ",]}" },
    };

    [Theory]
    [MemberData(nameof(BadContainers))]
    public async Task MalformedKeyContainers_AreInvalidResponse_ForEncKeysAndDecKeys(string name, string body)
    {
        var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(200, body));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException enc = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        KeySourceException dec = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));

        foreach (KeySourceException e in new[] { enc, dec })
        {
            Assert.True(e.Error == KeySourceError.InvalidResponse, $"{name}: {e.Error}");
            Assert.Equal(200, e.HttpStatus);
            AssertNoKeyMaterial(e);
        }
    }

    [Fact]
    public async Task EncKeys_WrongCount_WrongSize_OrDuplicateIds_AreInvalidResponse()
    {
        byte[] key16 = Key32[..16];
        string two = "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "," + KeyObject(Id2.ToString(), B64) + "]}";
        string sameId = "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "," + KeyObject(Id1.ToString().ToUpperInvariant(), B64) + "]}";
        string shortKey = Container(KeyObject(Id1.ToString(), Convert.ToBase64String(key16)));
        string none = "{\"keys\":[]}";

        foreach ((string body, int number, string because) in new[] { (two, 1, "above the 1 asked for"), (none, 1, "number of keys is 0"), (two, 3, "number of keys is 2, not the 3"), (sameId, 2, "same key_ID"), (shortKey, 1, "128 bits") })
        {
            var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(200, body));
            using Etsi014KeySource source = Etsi014TestClients.Create(handler);
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(number, 256)));
            Assert.Equal(KeySourceError.InvalidResponse, e.Error);
            Assert.Contains(because, e.Message, StringComparison.Ordinal);
            AssertNoKeyMaterial(e);
        }
    }

    [Fact]
    public async Task DecKeys_OtherIds_MissingIds_OrDuplicates_AreInvalidResponse()
    {
        Guid other = Guid.NewGuid();
        string wrong = "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "," + KeyObject(other.ToString(), B64) + "]}";
        string duplicate = "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "," + KeyObject(Id1.ToString(), B64) + "]}";
        string one = Container(KeyObject(Id1.ToString(), B64));

        foreach (string body in new[] { wrong, duplicate, one })
        {
            var handler = new StubKmeHandler(_ => StubKmeHandler.Json(200, body));
            using Etsi014KeySource source = Etsi014TestClients.Create(handler);
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Id2 }));
            Assert.Equal(KeySourceError.InvalidResponse, e.Error);
            AssertNoKeyMaterial(e);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NilKeyId_IsRefused_InEveryAnswer_EncKeysAndDecKeys_PostAndGet(bool post)
    {
        // RFC 9562 §5.9: the nil UUID names no key; only QkdSession used to refuse it.
        string nil = Guid.Empty.ToString("D");
        string oneNil = Container(KeyObject(nil, B64));
        string secondNil = "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "," + KeyObject(nil, B64) + "]}";

        foreach ((string body, int number) in new[] { (oneNil, 1), (secondNil, 2) })
        {
            var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(200, body));
            using Etsi014KeySource source = Etsi014TestClients.Create(handler, usePostForms: post);
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(number, 256)));
            AssertNilRefused(e);
            Assert.Equal(post ? "POST" : "GET", handler.KeyRequests.Single().Method);
        }

        // dec_keys: an answer that puts a nil key_ID in place of the key asked for (GET form: one ID; POST: one or two).
        foreach ((string body, Guid[] asked) in new[] { (oneNil, new[] { Id1 }), (secondNil, new[] { Id1, Id2 }) })
        {
            var handler = new StubKmeHandler(_ => StubKmeHandler.Json(200, body));
            using Etsi014KeySource source = Etsi014TestClients.Create(handler, usePostForms: post);
            AssertNilRefused(await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", asked)));
            AssertNilRefused(await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", asked, 256)));
            Assert.Equal(post || asked.Length > 1 ? "POST" : "GET", handler.Requests[0].Method);
        }

        // Asking for the nil key_ID is the caller's mistake: refused before anything is sent.
        var quiet = new StubKmeHandler(_ => StubKmeHandler.Json(200, oneNil));
        using Etsi014KeySource asking = Etsi014TestClients.Create(quiet, usePostForms: post);
        await Assert.ThrowsAsync<ArgumentException>(() => asking.GetKeysWithIdsAsync("SAE_A", new[] { Guid.Empty }));
        await Assert.ThrowsAsync<ArgumentException>(() => asking.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Guid.Empty }, 256));
        Assert.Empty(quiet.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KeysOfAnotherSize_AreRefused_InEveryAnswer_EncKeysAndDecKeys_PostAndGet(bool post)
    {
        string shortKey = Container(KeyObject(Id1.ToString(), Convert.ToBase64String(Key32[..16])));
        string longKey = Container(KeyObject(Id1.ToString(), Convert.ToBase64String(Key32.Concat(Key32).ToArray())));
        string secondShort = "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "," + KeyObject(Id2.ToString(), Convert.ToBase64String(Key32[..16])) + "]}";

        foreach ((string body, int number, string because) in new[] { (shortKey, 1, "key 1 is 128 bits"), (longKey, 1, "key 1 is 512 bits"), (secondShort, 2, "key 2 is 128 bits") })
        {
            var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(200, body));
            using Etsi014KeySource source = Etsi014TestClients.Create(handler, usePostForms: post);
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(number, 256)));
            Assert.Equal(KeySourceError.InvalidResponse, e.Error);
            Assert.Contains(because + ", but 256 were asked for", e.Message, StringComparison.Ordinal);
            AssertNoKeyMaterial(e);
        }

        foreach ((string body, Guid[] asked, string because) in new[] { (shortKey, new[] { Id1 }, "key 1 is 128 bits"), (longKey, new[] { Id1 }, "key 1 is 512 bits"), (secondShort, new[] { Id1, Id2 }, "key 2 is 128 bits") })
        {
            var handler = new StubKmeHandler(_ => StubKmeHandler.Json(200, body));
            using Etsi014KeySource source = Etsi014TestClients.Create(handler, usePostForms: post);
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", asked, 256));
            Assert.Equal(KeySourceError.InvalidResponse, e.Error);
            Assert.Contains(because + ", but 256 were asked for", e.Message, StringComparison.Ordinal);
            AssertNoKeyMaterial(e);

            // Without a size, dec_keys cannot know one (its request names none) and returns what the KME gave.
            using QkdKeyContainer unsized = await source.GetKeysWithIdsAsync("SAE_A", asked);
            Assert.Equal(asked, unsized.Keys.Select(k => k.KeyId));
        }

        using Etsi014KeySource any = Etsi014TestClients.Create(new StubKmeHandler(_ => StubKmeHandler.Json(200, shortKey)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => any.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }, 12));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => any.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }, 0));
        using QkdKeyContainer right = await any.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }, 128);
        Assert.Equal(Key32[..16], right.Keys[0].Key.ToArray());
    }

    private static void AssertNilRefused(KeySourceException e)
    {
        Assert.Equal(KeySourceError.InvalidResponse, e.Error);
        Assert.Contains("nil UUID", e.Message, StringComparison.Ordinal);
        AssertNoKeyMaterial(e);
    }

    [Fact]
    public async Task AcceptedVariations_EscapedBase64_UpperCaseUuid_UnknownMembers_Bom()
    {
        // JSON may escape any character ("\/" from some serialisers): the base64 is the unescaped text.
        string escaped = B64.Replace("/", "\\/").Replace("A", "\\u0041");
        string body = "\uFEFF{\"keys\":[{\"abc_future\":[1,{\"x\":2}],\"key_ID\":\"" + Id1.ToString().ToUpperInvariant() + "\",\"key\":\"" + escaped + "\"}],\"abc_other\":true}";
        var handler = new StubKmeHandler(_ => StubKmeHandler.Json(200, body));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        using QkdKeyContainer keys = await source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 });

        Assert.Contains("\\/", escaped, StringComparison.Ordinal);
        QkdKey key = Assert.Single(keys.Keys);
        Assert.Equal(Id1, key.KeyId);
        Assert.Equal(Key32, key.Key.ToArray());
    }

    public static TheoryData<string, string> BadStatuses => new()
    {
        { "missing key_size", Kme014Json.Status().Replace("\"key_size\":256,", "", StringComparison.Ordinal) },
        { "missing slave", Kme014Json.Status().Replace("\"slave_SAE_ID\":\"SAE_B\",", "", StringComparison.Ordinal) },
        { "count as string", Kme014Json.Status().Replace("\"stored_key_count\":25000", "\"stored_key_count\":\"25000\"", StringComparison.Ordinal) },
        { "negative count", Kme014Json.Status(stored: -1) },
        { "fractional size", Kme014Json.Status().Replace("\"key_size\":256", "\"key_size\":256.5", StringComparison.Ordinal) },
        { "huge count", Kme014Json.Status().Replace("\"max_key_count\":100000", "\"max_key_count\":1e40", StringComparison.Ordinal) },
        { "id as number", Kme014Json.Status().Replace("\"KME_A\"", "7", StringComparison.Ordinal) },
        { "another slave", Kme014Json.Status(slave: "SAE_C") },
        { "duplicate member", Kme014Json.Status().Replace("{", "{\"key_size\":128,", StringComparison.Ordinal) },
        { "min above max", Kme014Json.Status(minSize: 512, maxSize: 256) },
        { "zero key size", Kme014Json.Status(keySize: 0) },
        { "extension not object", Kme014Json.Status(extension: "[]") },
        { "truncated", Kme014Json.Status()[..40] },
        { "null", "null" },
    };

    [Theory]
    [MemberData(nameof(BadStatuses))]
    public async Task MalformedStatuses_AreInvalidResponse(string name, string body)
    {
        var handler = new StubKmeHandler(_ => StubKmeHandler.Json(200, body));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.True(e.Error == KeySourceError.InvalidResponse, $"{name}: {e.Error}");
    }

    [Fact]
    public async Task OversizedBodies_AreInvalidResponse()
    {
        byte[] huge = new byte[(16 * 1024 * 1024) + 10];
        huge.AsSpan().Fill((byte)' ');
        var handler = new StubKmeHandler(_ => StubKmeHandler.Bytes(200, huge, "application/json"));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.Equal(KeySourceError.InvalidResponse, e.Error);
    }

    [Fact]
    public async Task NoKeyMaterial_InAnyException_EvenWhenTheBodyHeldKeys()
    {
        // Answers that contain real key material but must be refused: the exception (and its inner exceptions) must not
        // show the key in base64, hex or as a substring of the body.
        string[] bodies =
        {
            Container(KeyObject(Id1.ToString(), B64)) + "}",
            Container(KeyObject(Id1.ToString(), B64))[..50],
            Container(KeyObject(Id1.ToString(), B64)).Replace("\"key\":\"", "\"key\":\"@", StringComparison.Ordinal),
            Container(KeyObject(Id1.ToString(), B64)).Replace(B64, B64 + "AAAA", StringComparison.Ordinal),
            "{\"keys\":[" + KeyObject(Id1.ToString(), B64) + "," + KeyObject(Id2.ToString(), B64) + "]}",
        };
        int[] statuses = { 200, 400, 401, 503, 500 };
        foreach (string body in bodies)
        {
            foreach (int status in statuses)
            {
                var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(status, body));
                using Etsi014KeySource source = Etsi014TestClients.Create(handler);
                AssertNoKeyMaterial(await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256))));
                AssertNoKeyMaterial(await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 })));
            }
        }
    }

    [Fact]
    public void Base64_Strict_RoundTripsEveryLength_AndRefusesNonCanonicalForms()
    {
        for (int length = 1; length <= 70; length++)
        {
            byte[] bytes = RandomNumberGenerator.GetBytes(length);
            byte[] text = Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes));
            Assert.Equal(length, Etsi014Base64.DecodedLength(text));
            byte[] decoded = new byte[length];
            Assert.True(Etsi014Base64.TryDecode(text, decoded));
            Assert.Equal(bytes, decoded);
        }

        foreach (string bad in new[] { "", "A", "AA", "AAA", "AB==", "AAB=", "====", "A===", "AA=A", "A=AA", "AA==AA==", "AA AA", "AA\nA", "AA-_", "AAA\u00e9" })
        {
            byte[] text = Encoding.UTF8.GetBytes(bad);
            int length = Etsi014Base64.DecodedLength(text);
            Assert.False(length > 0 && Etsi014Base64.TryDecode(text, new byte[length]), bad);
        }

        // Every byte outside the alphabet is refused in every position of a block.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int b = 0; b < 256; b++)
        {
            bool valid = alphabet.Contains((char)b, StringComparison.Ordinal);
            for (int position = 0; position < 4; position++)
            {
                byte[] text = Encoding.ASCII.GetBytes("AAAA");
                text[position] = (byte)b;
                bool decoded = Etsi014Base64.TryDecode(text, new byte[3]);
                Assert.True(decoded == valid, $"byte {b} at {position}");
            }
        }
    }

    private static char NextSymbol(char c) => c == 'z' ? '0' : c == '9' ? '+' : (char)(c + 1);

    private static void AssertNoKeyMaterial(Exception e)
    {
        string all = e.ToString();
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            all += inner.Message;
        }

        Assert.DoesNotContain(B64[..12], all, StringComparison.Ordinal);
        Assert.DoesNotContain(B64[^16..^1], all, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Key32)[..12], all, StringComparison.OrdinalIgnoreCase);
        if (e is KeySourceException k && k.KmeMessage is not null)
        {
            Assert.DoesNotContain(B64[..8], k.KmeMessage, StringComparison.Ordinal);
        }
    }
}
