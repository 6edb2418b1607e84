// QkdArguments: the argument checks the QKD components share (SAE IDs, paths, key-ID lists), throwing through the Error
// factory.

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace FintechCrypto.Internal.Qkd;

/// <summary>Argument checks shared by the key sources, the key streams and the session.</summary>
internal static class QkdArguments
{
    /// <summary>Refuses a null (<see cref="ArgumentNullException"/>) or empty (<see cref="ArgumentException"/>) string.</summary>
    internal static void ThrowIfNullOrEmpty([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value is null)
        {
            throw Error.ArgumentNull(paramName);
        }

        if (value.Length == 0)
        {
            throw Error.Qkd_Empty(paramName);
        }
    }

    /// <summary>Refuses a null (<see cref="ArgumentNullException"/>) or empty (<see cref="ArgumentException"/>) list of key IDs (IQkdKeySource's contract: at least one).</summary>
    internal static void ThrowIfNoKeyIds([NotNull] IReadOnlyList<Guid>? keyIds, [CallerArgumentExpression(nameof(keyIds))] string paramName = "")
    {
        if (keyIds is null)
        {
            throw Error.ArgumentNull(paramName);
        }

        if (keyIds.Count == 0)
        {
            throw Error.Qkd_NoKeyIds(paramName);
        }
    }
}
