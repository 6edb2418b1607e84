// The four ML-KEM schemas of C2SP/wycheproof (schemas/mlkem_*_schema.json): each group names its parameterSet,
// mapped to the library's FIPS 203 parameter sets; a group of another parameter set is skipped.

namespace FintechCrypto.Testing;

internal abstract class MlKemFamilyBase : IWycheproofFamily
{
    public string? GroupSkipReason(WycheproofGroup group)
    {
        string? name = group.GetString("parameterSet");
        return name is "ML-KEM-512" or "ML-KEM-768" or "ML-KEM-1024" ? null : $"the ML-KEM parameter set '{name}' is not supported";
    }

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test) => Run(KemAlgorithm.FromName(group.GetString("parameterSet")!), test);

    /// <summary>Runs one case of the group's parameter set.</summary>
    protected abstract CaseOutcome Run(KemAlgorithm algorithm, WycheproofTest test);
}
