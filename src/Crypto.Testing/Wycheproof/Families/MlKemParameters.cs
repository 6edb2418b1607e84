// The parameterSet of an ML-KEM Wycheproof group (C2SP/wycheproof schemas/mlkem_*_schema.json), mapped to the
// library's FIPS 203 parameter sets.

namespace FintechCrypto.Testing;

internal static class MlKemParameters
{
    /// <summary>Null when the group's parameter set is one of FIPS 203's three; otherwise the skip reason.</summary>
    internal static string? SkipReason(WycheproofGroup group)
    {
        string? name = group.GetString("parameterSet");
        return name is "ML-KEM-512" or "ML-KEM-768" or "ML-KEM-1024" ? null : $"the ML-KEM parameter set '{name}' is not supported";
    }

    /// <summary>The group's parameter set (after <see cref="SkipReason"/> said it is known).</summary>
    internal static KemAlgorithm Of(WycheproofGroup group) => KemAlgorithm.FromName(group.GetString("parameterSet")!);
}
