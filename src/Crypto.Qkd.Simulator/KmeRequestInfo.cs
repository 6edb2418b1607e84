// KmeRequestInfo: what the fault injection of a simulated KME sees of one request (never key material).


namespace FintechCrypto.Qkd.Simulator;

/// <summary>One request to a simulated KME, as <see cref="KmeFaults"/> predicates see it.</summary>
/// <param name="KmeIndex">Which end of the link answered: 0 or 1.</param>
/// <param name="KmeId">The KME ID of that end.</param>
/// <param name="Operation">The ETSI GS QKD 014 method: <c>status</c>, <c>enc_keys</c> or <c>dec_keys</c> (or the unknown path segment).</param>
/// <param name="CallerSaeId">The calling SAE (its client certificate's CN), or null when it is unknown.</param>
/// <param name="PathSaeId">The SAE ID in the path: the slave for <c>status</c> and <c>enc_keys</c>, the master for <c>dec_keys</c>.</param>
public sealed record KmeRequestInfo(int KmeIndex, string KmeId, string Operation, string? CallerSaeId, string PathSaeId);
