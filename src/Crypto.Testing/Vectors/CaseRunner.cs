// The loop both vector runners share (cli.md "Vector runners"): for each group, its summary and detail lines through
// the RunRecorder; a pending family or an unsupported group skips every case with its reason; otherwise each case
// runs through the family, whose refusals (an exception of the library's family or an ArgumentException) count as
// rejected and any other exception (NullReference, IndexOutOfRange, a raw CryptographicException…) as crashed. The
// format's own rules (Wycheproof's valid/invalid/acceptable, ACVP's outputs and testPassed) judge the outcome.

using System;
using System.Collections.Generic;

namespace FintechCrypto.Testing;

internal static class CaseRunner
{
    /// <summary>Runs every case of every group through <paramref name="family"/>; <paramref name="judge"/> records each outcome.</summary>
    /// <param name="recorder">Receives the groups and their counts.</param>
    /// <param name="groups">The file's groups, in order.</param>
    /// <param name="family">The algorithm family.</param>
    /// <param name="refusal">Put before a refusal's exception type and message in the outcome's detail.</param>
    /// <param name="judge">Records one outcome (pass, fail or skip) in the recorder.</param>
    internal static void RunGroups<TGroup, TTest>(
        RunRecorder recorder, IEnumerable<TGroup> groups, IVectorFamily<TGroup, TTest> family, string refusal, Action<TGroup, TTest, CaseOutcome> judge)
        where TGroup : VectorGroup<TTest>
    {
        foreach (TGroup group in groups)
        {
            recorder.BeginGroup(group.Name);
            if (family.PendingReason is { } pending)
            {
                recorder.SkipMany(group.Tests.Count, pending);
            }
            else
            {
                string? groupSkip = family.GroupSkipReason(group);
                foreach (TTest test in group.Tests)
                {
                    string? skip = groupSkip ?? family.CaseSkipReason(test);
                    judge(group, test, skip is not null ? CaseOutcome.Skipped(skip) : RunCase(family, group, test, refusal));
                }
            }

            recorder.EndGroup();
        }
    }

    private static CaseOutcome RunCase<TGroup, TTest>(IVectorFamily<TGroup, TTest> family, TGroup group, TTest test, string refusal)
    {
        try
        {
            return family.Run(group, test);
        }
        catch (VectorFileException)
        {
            throw;
        }
        catch (Exception e) when (e is FintechCryptoException or ArgumentException)
        {
            return CaseOutcome.Rejected($"{refusal}{e.GetType().Name}: {e.Message}");
        }
        catch (Exception e)
        {
            return CaseOutcome.Crashed(e);
        }
    }
}
