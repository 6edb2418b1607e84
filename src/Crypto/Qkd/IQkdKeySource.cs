// IQkdKeySource: the one abstraction every QKD key source sits behind (ETSI GS QKD 014 §5: Get status, Get key,
// Get key with key IDs; ETSI GS QKD 004 streams, vendor and national APIs, static lab keys plug in behind it).

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Qkd;

/// <summary>
/// A source of QKD keys shared with a peer SAE, in the roles of ETSI GS QKD 014: the <em>master</em> asks for new keys
/// for a slave and sends the slave their identifiers; the <em>slave</em> fetches the same keys by identifier.
/// </summary>
/// <remarks>
/// Implementations are asynchronous, cancellable and time-bounded, deliver each key once, and report failures as
/// <see cref="KeySourceException"/> (never with key material in the message). The caller owns the returned
/// <see cref="QkdKeyContainer"/> and must dispose of it.
/// </remarks>
public interface IQkdKeySource
{
    /// <summary>The state of the key supply between this SAE (master) and <paramref name="slaveSaeId"/> (014 Get status).</summary>
    /// <param name="slaveSaeId">The peer SAE.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentException"><paramref name="slaveSaeId"/> is null or empty.</exception>
    /// <exception cref="KeySourceException">The key source refused or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default);

    /// <summary>New keys shared with <paramref name="slaveSaeId"/>, this SAE being the master (014 Get key).</summary>
    /// <param name="slaveSaeId">The peer SAE that may fetch the keys.</param>
    /// <param name="request">How many keys, of what size, for which further slaves.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, owned by the caller.</returns>
    /// <exception cref="ArgumentException"><paramref name="slaveSaeId"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="KeySourceException">The key source refused (for example, exhausted) or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>The keys <paramref name="masterSaeId"/> obtained for this SAE, by identifier (014 Get key with key IDs).</summary>
    /// <param name="masterSaeId">The master SAE that asked for the keys.</param>
    /// <param name="keyIds">The identifiers the master sent, at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys in the order of <paramref name="keyIds"/>, owned by the caller.</returns>
    /// <exception cref="ArgumentException"><paramref name="masterSaeId"/> is null or empty, or <paramref name="keyIds"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keyIds"/> is null.</exception>
    /// <exception cref="KeySourceException">A key is unknown or already delivered, the caller is not its slave, or the source failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default);
}
