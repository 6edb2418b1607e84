using System;
using System.Text;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using FsCheck;
using FsCheck.Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Whatever a KME answers (garbage bytes, truncated or mutated 014 JSON, under any HTTP status), Etsi014KeySource either
/// returns what was asked for or throws a KeySourceException: never another exception type.
/// </summary>
public sealed class Etsi014ClientPropertyTests
{
    private static readonly Guid Id1 = Guid.Parse("bc490419-7d60-487f-adc1-4ddcc177c139");
    private static readonly Guid Id2 = Guid.Parse("0a782fb5-3434-48fe-aa4d-14f41d46cf92");

    private static readonly string[] s_valid =
    {
        Kme014Json.Status(extension: "{\"abc_x\":[1,2,{\"y\":null}]}"),
        "{\"keys\":[{\"key_ID\":\"" + Id1 + "\",\"key_ID_extension\":{\"a\":1},\"key\":\"" + Convert.ToBase64String(CannedKmeServer.KeyFor(Id1, 32)) +
            "\",\"key_extension\":{}},{\"key_ID\":\"" + Id2 + "\",\"key\":\"" + Convert.ToBase64String(CannedKmeServer.KeyFor(Id2, 32)) + "\"}],\"key_container_extension\":{}}",
        Kme014Json.Error("one or more keys specified are not found on KME"),
        "{\"message\":\"not all extension_mandatory parameters are supported\",\"details\":[{\"extension_mandatory_unsupported\":\"abc_route_type\"}]}",
    };

    private static readonly int[] s_statuses = { 200, 200, 200, 400, 401, 503, 204, 302, 404, 500, 502 };

    [Property(MaxTest = 300)]
    public void GarbageBodies_UnderAnyStatus_GiveOnlyKeySourceExceptions(byte[] garbage, NonNegativeInt status, byte operation)
    {
        OnlyKeySourceExceptions(garbage ?? Array.Empty<byte>(), Status(status), operation);
    }

    [Property(MaxTest = 300)]
    public void TruncatedJson_GivesOnlyKeySourceExceptions(NonNegativeInt which, NonNegativeInt cut, NonNegativeInt status, byte operation)
    {
        byte[] valid = Encoding.UTF8.GetBytes(s_valid[which.Get % s_valid.Length]);
        OnlyKeySourceExceptions(valid.AsSpan(0, cut.Get % valid.Length).ToArray(), Status(status), operation);
    }

    [Property(MaxTest = 500)]
    public void MutatedJson_GivesOnlyKeySourceExceptions(NonNegativeInt which, NonNegativeInt position, byte xor, bool insert, NonNegativeInt status, byte operation)
    {
        byte[] valid = Encoding.UTF8.GetBytes(s_valid[which.Get % s_valid.Length]);
        int at = position.Get % valid.Length;
        byte[] mutated;
        if (insert)
        {
            mutated = new byte[valid.Length + 1];
            valid.AsSpan(0, at).CopyTo(mutated);
            mutated[at] = xor;
            valid.AsSpan(at).CopyTo(mutated.AsSpan(at + 1));
        }
        else
        {
            mutated = (byte[])valid.Clone();
            mutated[at] ^= xor == 0 ? (byte)1 : xor;
        }

        OnlyKeySourceExceptions(mutated, Status(status), operation);
    }

    private static int Status(NonNegativeInt seed) => s_statuses[seed.Get % s_statuses.Length];

    private static void OnlyKeySourceExceptions(byte[] body, int status, byte operation)
    {
        var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Bytes(status, body, "application/json"));
        var statusHandler = new StubKmeHandler(_ => StubKmeHandler.Bytes(status, body, "application/json"));
        using Etsi014KeySource keys = Etsi014TestClients.Create(handler);
        using Etsi014KeySource statuses = Etsi014TestClients.Create(statusHandler);
        Func<Task> call = (operation % 4) switch
        {
            0 => () => statuses.GetStatusAsync("SAE_B"),
            1 => async () => (await keys.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256))).Dispose(),
            2 => async () => (await keys.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Id2 })).Dispose(),
            _ => async () => (await keys.GetKeysWithIdsAsync("SAE_A", new[] { Id2 })).Dispose(),
        };

        try
        {
            call().GetAwaiter().GetResult();
        }
        catch (KeySourceException)
        {
        }
    }
}
