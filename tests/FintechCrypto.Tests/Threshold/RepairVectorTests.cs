using System.Linq;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost.Keys;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// Share repair parts 2 and 3 against the Zcash Foundation's repair-share.json, as frost-core's
/// check_repair_share_part2 and check_repair_share_part3 use it (docs/frost-keygen.md §b).
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class RepairVectorTests
{
    public static TheoryData<string> Suites => KeyGenSuites.Names;

    [Theory]
    [MemberData(nameof(Suites))]
    public void Part2SumsTheDeltas_Part3SumsTheSigmas(string name)
    {
        ScalarField f = KeyGenSuites.Get(name).Scalars;
        using JsonDocument doc = KeyGenSuites.LoadVector(name, "repair-share.json");

        JsonElement deltas = doc.RootElement.GetProperty("scalar_generation");
        Scalar[] d = Enumerable.Range(1, 3).Select(k => KeyGenSuites.ReadScalar(f, deltas, $"random_scalar_{k}")).ToArray();
        Assert.Equal(deltas.GetProperty("random_scalar_sum").GetString(), Hex.Encode(f.Encode(Repair.Part2(f, d))));

        JsonElement sigmas = doc.RootElement.GetProperty("sigma_generation");
        Scalar[] s = Enumerable.Range(1, 4).Select(k => KeyGenSuites.ReadScalar(f, sigmas, $"sigma_{k}")).ToArray();
        Assert.Equal(sigmas.GetProperty("sigma_sum").GetString(), Hex.Encode(f.Encode(Repair.Part3(f, s))));

        // Swapping in a wrong value changes the result (the check can fail).
        s[2] = f.Add(s[2], f.One);
        Assert.NotEqual(sigmas.GetProperty("sigma_sum").GetString(), Hex.Encode(f.Encode(Repair.Part3(f, s))));
    }
}
