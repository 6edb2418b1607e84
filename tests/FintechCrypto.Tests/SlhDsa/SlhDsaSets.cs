using Xunit;

namespace FintechCrypto.Tests.SlhDsa;

/// <summary>The twelve SLH-DSA parameter sets by name, grouped by how long signing takes.</summary>
public static class SlhDsaSets
{
    private static readonly string[] s_fast =
    {
        "SLH-DSA-SHA2-128f", "SLH-DSA-SHA2-192f", "SLH-DSA-SHA2-256f",
        "SLH-DSA-SHAKE-128f", "SLH-DSA-SHAKE-192f", "SLH-DSA-SHAKE-256f",
    };

    private static readonly string[] s_small =
    {
        "SLH-DSA-SHAKE-128s", "SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-192s", "SLH-DSA-SHA2-256s",
        "SLH-DSA-SHAKE-192s", "SLH-DSA-SHAKE-256s",
    };

    /// <summary>All twelve.</summary>
    public static TheoryData<string> All => Data(s_fast, s_small);

    /// <summary>The six 'f' sets: the default run signs with these.</summary>
    public static TheoryData<string> Fast => Data(s_fast);

    /// <summary>The six 's' sets, which sign in seconds: behind the Slow trait (except one signature).</summary>
    public static TheoryData<string> Small => Data(s_small);

    private static TheoryData<string> Data(params string[][] groups)
    {
        var data = new TheoryData<string>();
        foreach (string[] group in groups)
        {
            foreach (string name in group)
            {
                data.Add(name);
            }
        }

        return data;
    }
}
