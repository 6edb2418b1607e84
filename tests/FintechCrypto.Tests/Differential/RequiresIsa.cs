using FintechCrypto.Native;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>An instruction set that a kernel test needs in order to run the kernel at all.</summary>
public enum InstructionSet
{
    /// <summary>AVX2 (<see cref="Dispatch.HasAvx2"/>).</summary>
    Avx2,

    /// <summary>AVX-512F with VL, the 256-bit forms (<see cref="Dispatch.HasAvx512"/>).</summary>
    Avx512VL,

    /// <summary>BMI2's MULX on x64 (<see cref="Dispatch.HasBmi2"/>).</summary>
    Bmi2,
}

/// <summary>
/// A test of a kernel for one instruction set: it runs where <see cref="Dispatch"/> says the CPU and runtime have the
/// set, and is reported as skipped, with the set's name, where they do not (no such CPU, DOTNET_EnableAVX2=0,
/// DOTNET_EnableAVX512=0 or DOTNET_EnableAVX512F=0). This is the one kind of skip the suite allows (issue 12):
/// a test that returned early there would be counted as passed without having checked anything.
/// </summary>
public sealed class RequiresIsaFactAttribute : FactAttribute
{
    /// <summary>Skips the test unless <paramref name="set"/> is present.</summary>
    public RequiresIsaFactAttribute(InstructionSet set) => Skip = RequiresIsa.SkipReason(set);
}

/// <summary>The <see cref="TheoryAttribute"/> form of <see cref="RequiresIsaFactAttribute"/>.</summary>
public sealed class RequiresIsaTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips every case of the theory unless <paramref name="set"/> is present.</summary>
    public RequiresIsaTheoryAttribute(InstructionSet set) => Skip = RequiresIsa.SkipReason(set);
}

/// <summary>Presence and names of the instruction sets, from <see cref="Dispatch"/> (never from the intrinsics directly).</summary>
public static class RequiresIsa
{
    /// <summary>True when this CPU and runtime execute <paramref name="set"/>.</summary>
    public static bool IsPresent(InstructionSet set) => set switch
    {
        InstructionSet.Avx2 => Dispatch.HasAvx2,
        InstructionSet.Avx512VL => Dispatch.HasAvx512,
        InstructionSet.Bmi2 => Dispatch.HasBmi2,
        _ => false,
    };

    /// <summary>The set's usual name: "AVX2", "AVX-512VL".</summary>
    public static string Name(InstructionSet set) => set switch
    {
        InstructionSet.Avx2 => "AVX2",
        InstructionSet.Avx512VL => "AVX-512VL",
        InstructionSet.Bmi2 => "BMI2",
        _ => set.ToString(),
    };

    /// <summary>Null when <paramref name="set"/> is present, else the skip message naming it.</summary>
    public static string? SkipReason(InstructionSet set) =>
        IsPresent(set) ? null : $"needs {Name(set)}, which this CPU lacks (or the runtime has turned off)";
}
