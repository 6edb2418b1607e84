// The result of ETSI GS QKD 004 OPEN_CONNECT (clause 6.1): status, Key_stream_ID and the (possibly counter-proposed) QoS.

using System;

namespace FintechCrypto.Qkd.Etsi004;

/// <summary>The result of <see cref="IQkdKeyStream.OpenConnectAsync"/> (ETSI GS QKD 004 OPEN_CONNECT).</summary>
/// <param name="Status"><see cref="Etsi004Status.Successful"/>, <see cref="Etsi004Status.PeerNotConnected"/> (opened; the peer has not yet), or a failure.</param>
/// <param name="KeyStreamId">The Key_stream_ID: assigned by the KMS when the caller passed none; <see cref="Guid.Empty"/> on failure.</param>
/// <param name="Qos">The QoS in force, or the KMS's counter-proposal when <paramref name="Status"/> is <see cref="Etsi004Status.QosNotSatisfied"/>.</param>
public sealed record QkdOpenConnectResult(Etsi004Status Status, Guid KeyStreamId, QkdQos Qos);
