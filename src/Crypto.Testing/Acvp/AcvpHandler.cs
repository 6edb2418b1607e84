// What every ACVP algorithm handler shares: a group runs when its parameter set and the vector set's mode are ones
// the handler has (then the handler's own checks for the mode); key pairs are compared output by output, the secret
// one cleared afterwards; and a validity decision (a signature verified, a key accepted) is judged against the
// case's testPassed.

using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <param name="algorithm">The ACVP algorithm, for skip reasons (ML-KEM, ML-DSA, SLH-DSA).</param>
/// <param name="mode">The vector set's mode.</param>
/// <param name="modes">The modes the handler runs.</param>
internal abstract class AcvpHandler(string algorithm, string? mode, params string[] modes) : IAcvpHandler
{
    /// <summary>The vector set's mode, e.g. <c>keyGen</c>.</summary>
    protected string? Mode => mode;

    public string? GroupSkipReason(AcvpGroup group) =>
        !IsKnownParameterSet(group.ParameterSet) ? $"the {algorithm} parameter set '{group.ParameterSet}' is not supported"
        : !modes.Contains(mode) ? $"the {algorithm} mode '{mode}' is not supported"
        : ModeSkipReason(group);

    public abstract CaseOutcome Run(AcvpGroup group, AcvpTest test);

    /// <summary>True for the parameter sets the library has.</summary>
    protected abstract bool IsKnownParameterSet(string? name);

    /// <summary>Null when the group's parameters (function, key format, interface…) are ones the handler runs in this mode.</summary>
    protected virtual string? ModeSkipReason(AcvpGroup group) => null;

    /// <summary>The public half against the case's <paramref name="publicName"/>, then the secret half, cleared afterwards, against <paramref name="secretName"/>.</summary>
    protected static CaseOutcome CompareKeyPair(AcvpTest test, string publicName, byte[] publicKey, string secretName, Func<byte[]> exportSecret) =>
        CaseOutcome.Compare(publicName, publicKey, test.GetHex(publicName)).Then(() =>
        {
            byte[] secret = exportSecret();
            try
            {
                return CaseOutcome.Compare(secretName, secret, test.GetHex(secretName));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }
        });

    /// <summary>Accepted when the library's decision equals <paramref name="expected"/> (the case's testPassed); otherwise a failure naming both, and the case's reason.</summary>
    protected static CaseOutcome Decision(AcvpTest test, bool expected, bool accepted, string whatAccepted, string whatRefused)
    {
        if (accepted == expected)
        {
            return CaseOutcome.Accepted;
        }

        string reason = test.TryGet("reason", out JsonElement r) && r.ValueKind == JsonValueKind.String ? $" ({r.GetString()})" : string.Empty;
        return accepted
            ? CaseOutcome.WrongOutput($"{whatAccepted}, but testPassed is false{reason}")
            : CaseOutcome.Rejected($"{whatRefused}, but testPassed is true{reason}");
    }
}
