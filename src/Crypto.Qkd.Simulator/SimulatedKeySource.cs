// SimulatedKeySource: the in-process ETSI GS QKD 014 key source over a SimulatedQkdLink (no HTTP): the embedded
// default for the demo, the benchmarks and the session tests.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>
/// An <see cref="IQkdKeySource"/> for one SAE at one KME of a <see cref="SimulatedQkdLink"/>, in process. It follows
/// the same ETSI GS QKD 014 rules as the HTTPS simulator (one-time delivery, access control, limits, exhaustion) and
/// suffers the same <see cref="KmeFaults"/>, and reports refusals as the <see cref="KeySourceException"/> an 014
/// client would raise for the same HTTP answer.
/// </summary>
public sealed class SimulatedKeySource : IQkdKeySource
{
    private readonly SimulatedQkdLink _link;
    private readonly int _kmeIndex;

    internal SimulatedKeySource(SimulatedQkdLink link, int kmeIndex, string saeId)
    {
        _link = link;
        _kmeIndex = kmeIndex;
        SaeId = saeId;
    }

    /// <summary>The calling SAE's ID.</summary>
    public string SaeId { get; }

    /// <summary>The ID of the KME this source talks to.</summary>
    public string KmeId => _link.KmeIds[_kmeIndex];

    /// <inheritdoc />
    public async Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slaveSaeId);
        cancellationToken.ThrowIfCancellationRequested();
        await _link.ApplyFaultsAsync(Describe("status", slaveSaeId), cancellationToken).ConfigureAwait(false);
        return _link.GetStatus(_kmeIndex, SaeId, slaveSaeId);
    }

    /// <inheritdoc />
    public async Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slaveSaeId);
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        await _link.ApplyFaultsAsync(Describe("enc_keys", slaveSaeId), cancellationToken).ConfigureAwait(false);
        using DeliveredKeys delivered = _link.IssueKeys(_kmeIndex, SaeId, slaveSaeId, request);
        return ToContainer(delivered);
    }

    /// <inheritdoc />
    public async Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterSaeId);
        ArgumentNullException.ThrowIfNull(keyIds);
        if (keyIds.Count == 0)
        {
            throw new ArgumentException("At least one key ID is needed.", nameof(keyIds));
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _link.ApplyFaultsAsync(Describe("dec_keys", masterSaeId), cancellationToken).ConfigureAwait(false);
        using DeliveredKeys delivered = _link.FetchKeys(_kmeIndex, SaeId, masterSaeId, keyIds);
        return ToContainer(delivered);
    }

    /// <summary>The SAE and KME; never key material.</summary>
    /// <returns>A description such as <c>SimulatedKeySource(SAE_A at KME_A)</c>.</returns>
    public override string ToString() => $"SimulatedKeySource({SaeId} at {KmeId})";

    private KmeRequestInfo Describe(string operation, string pathSaeId) => new(_kmeIndex, KmeId, operation, SaeId, pathSaeId);

    private static QkdKeyContainer ToContainer(DeliveredKeys delivered)
    {
        var keys = new QkdKey[delivered.Count];
        try
        {
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = new QkdKey(delivered.KeyId(i), delivered.Key(i));
            }

            return new QkdKeyContainer(keys);
        }
        catch
        {
            foreach (QkdKey? key in keys)
            {
                key?.Dispose();
            }

            throw;
        }
    }
}
