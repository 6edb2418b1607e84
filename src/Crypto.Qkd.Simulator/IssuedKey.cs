// IssuedKey: a key a master obtained through enc_keys, waiting to be fetched once by each of its slaves (014 §5.3).

using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>One issued key: who may fetch it, who still has to, where and when it was issued, and its bytes (pinned).</summary>
internal sealed class IssuedKey
{
    private readonly byte[] _material;

    internal IssuedKey(string masterSaeId, IReadOnlyList<string> slaveSaeIds, int kmeIndex, DateTimeOffset issuedAt, int sizeInBits)
    {
        MasterSaeId = masterSaeId;
        Slaves = new HashSet<string>(slaveSaeIds, StringComparer.Ordinal);
        Pending = new HashSet<string>(slaveSaeIds, StringComparer.Ordinal);
        KmeIndex = kmeIndex;
        IssuedAt = issuedAt;
        _material = GC.AllocateArray<byte>(sizeInBits / 8, pinned: true);
        RandomNumberGenerator.Fill(_material);
    }

    /// <summary>The master SAE that asked for the key (014 <c>master_SAE_ID</c>).</summary>
    internal string MasterSaeId { get; }

    /// <summary>Every SAE entitled to fetch the key: the slave and the additional slaves (multicast).</summary>
    internal HashSet<string> Slaves { get; }

    /// <summary>The entitled SAEs that have not fetched the key yet.</summary>
    internal HashSet<string> Pending { get; }

    /// <summary>The end of the link where the key was issued.</summary>
    internal int KmeIndex { get; }

    /// <summary>When the key was issued (the link's clock).</summary>
    internal DateTimeOffset IssuedAt { get; }

    /// <summary>The key bytes.</summary>
    internal ReadOnlySpan<byte> Material => _material;

    /// <summary>Clears the key bytes.</summary>
    internal void Clear() => CryptographicOperations.ZeroMemory(_material);
}
