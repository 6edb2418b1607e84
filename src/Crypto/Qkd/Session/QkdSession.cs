// QkdSession: hybrid QKD + post-quantum session keys and an AES-256-GCM record channel (issue 6 item 4, qkd.md §8
// items 4-5). The initiator is the ETSI GS QKD 014 master SAE, the responder the slave SAE; the QKD key
// enters ETSI TS 103 744 CatKDF as the pre-shared key beside a KEM shared secret, never alone.
//
// One class, split by responsibility as Go's crypto/tls splits a connection: this file is the public entry point (state,
// factories, the handshake entry points, one handshake at a time, Dispose); QkdSession.Records.cs the record layer;
// QkdSession.Initiator.cs and QkdSession.Responder.cs the two handshake halves; QkdSession.Epochs.cs the installation
// and retirement of epochs; QkdSession.KeySource.cs the key fetching with the exhaustion policy; QkdSession.Telemetry.cs
// the events and metrics; QkdSession.Testing.cs the test hooks.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// One end of a QKD session over any transport the application has: the library makes and consumes byte messages.
/// The initiator (master SAE) fetches QKD keys, encapsulates to the responder's authenticated KEM key and sends one
/// handshake message; the responder (slave SAE) fetches the same keys by ID and decapsulates; both derive directional
/// AES-256-GCM traffic keys with ETSI TS 103 744 CatKDF. Records carry an epoch and a 64-bit sequence number; a replay
/// window refuses duplicates; rekeying (a new handshake with fresh QKD keys and a fresh encapsulation) is due after a
/// number of records, bytes or a time, whichever comes first.
/// </summary>
/// <remarks>
/// <para>When the key source fails the <see cref="QkdSessionOptions.ExhaustionPolicy"/> decides, visibly: every fallback
/// raises <see cref="SessionEvent"/> and shows in <see cref="State"/> or <see cref="Mode"/>. No QKD key, traffic key or
/// nonce is ever used twice.</para>
/// <para>Handshake messages must reach the responder in order and before records of their epoch. Rekeys are started by
/// the initiator only; a responder whose limits are passed raises <see cref="QkdSessionEventKind.RekeyDue"/> and the
/// application asks its peer to rekey.</para>
/// <para>Rekeys are chained to the epoch they replace (issue 11): epoch e's chaining secret enters epoch e+1's CatKDF
/// psk, and the whole rekey message is authenticated (HMAC-SHA256) under epoch e's rekey authentication key, checked
/// before any QKD key is fetched; a refused rekey changes nothing. The first handshake can carry the initiator's ML-DSA
/// signature (<see cref="QkdSessionOptions.InitiatorSigningKey"/>, <see cref="QkdSessionOptions.TrustedInitiatorKey"/>).
/// QKD keys fetched for a handshake that then failed are kept for a while for the genuine message
/// (<see cref="QkdSessionOptions.FailedHandshakeKeyRetention"/>).</para>
/// <para>Methods are thread-safe; one handshake runs at a time.</para>
/// </remarks>
public sealed partial class QkdSession : IDisposable
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of QKD sessions.</summary>
    public const string MeterName = QkdMetrics.MeterName;

    /// <summary>The record format version (the first byte of every record).</summary>
    public const byte RecordVersion = 1;

    /// <summary>The record header: version (1) ‖ epoch (4, big-endian) ‖ sequence number (8, big-endian); it is the AEAD associated data.</summary>
    public const int RecordHeaderSize = 13;

    /// <summary>The bytes a record adds to its plaintext: the header and the 16-byte GCM tag.</summary>
    public const int RecordOverhead = RecordHeaderSize + 16;

    /// <summary>The FIPS 204 context string of the initiator's signature over the first handshake.</summary>
    private static readonly byte[] s_initiatorSignatureContext = "FintechCrypto QKD session initiator v2"u8.ToArray();

    private readonly object _lock = new();
    private readonly QkdSessionRole _role;
    private readonly QkdSessionOptions _options;          // a validated copy the caller cannot change
    private readonly IQkdKeySource _keySource;
    private readonly TimeProvider _time;
    private readonly TagList _tags;
    private readonly SigningKey? _signingKey;              // initiator: signs the first handshake (optional, the caller's)
    private readonly QkdInitiatorKey? _trustedInitiator;   // responder: requires the first handshake signed by this key
    private readonly RetainedQkdKeys _retained;            // responder: QKD keys of failed handshakes (issue 11 defect 2)

    private readonly EncapsulationKey? _encapsulationKey; // initiator: imported from the authenticated QkdResponderKey
    private readonly DecapsulationKey? _decapsulationKey; // responder: the caller's, not owned
    private readonly byte[] _responderEncapsulationKey;   // MB of the key schedule

    private EpochKeys? _current;
    private EpochKeys? _previous;
    private QkdSessionState _state;
    private DateTimeOffset? _keepDeadline;
    private bool _rekeyDueAnnounced;
    private int _handshakeBusy;
    private bool _disposed;
    private long _recordCeiling = QkdSessionOptions.MaxRecordsPerKey;
    private long _byteCeiling = QkdSessionOptions.MaxBytesPerKey;

    private QkdSession(QkdSessionRole role, QkdSessionOptions options, EncapsulationKey? encapsulationKey, DecapsulationKey? decapsulationKey, byte[] responderEncapsulationKey)
    {
        _role = role;
        _options = options;
        _keySource = options.KeySource!;
        _time = options.TimeProvider;
        _encapsulationKey = encapsulationKey;
        _decapsulationKey = decapsulationKey;
        _responderEncapsulationKey = responderEncapsulationKey;
        _tags = QkdMetrics.Tags(options.LocalSaeId, options.PeerSaeId, role);
        _signingKey = role == QkdSessionRole.Initiator ? options.InitiatorSigningKey : null;
        _trustedInitiator = role == QkdSessionRole.Responder ? options.TrustedInitiatorKey : null;
        _retained = new RetainedQkdKeys(options.FailedHandshakeKeyRetention, QkdSessionOptions.MaxRetainedQkdKeys);
        _state = QkdSessionState.Created;
    }

    /// <summary>
    /// Raised for every session event: established, rekeyed, rekey due, policy fallback, failure, epoch retired. Handlers
    /// run synchronously on the thread that caused the event, outside the session's lock; an exception from a handler
    /// propagates to that caller.
    /// </summary>
    public event EventHandler<QkdSessionEventArgs>? SessionEvent;

    /// <summary>Initiator (master SAE) or responder (slave SAE).</summary>
    public QkdSessionRole Role => _role;

    /// <summary>This SAE's ID.</summary>
    public string LocalSaeId => _options.LocalSaeId;

    /// <summary>The peer SAE's ID.</summary>
    public string PeerSaeId => _options.PeerSaeId;

    /// <summary>The KEM of the session.</summary>
    public KemAlgorithm Kem => _options.Kem;

    /// <summary>The hybrid KDF of the session.</summary>
    public HybridKdf Kdf => _options.Kdf;

    /// <summary>The exhaustion policy of this end.</summary>
    public QkdExhaustionPolicy ExhaustionPolicy => _options.ExhaustionPolicy;

    /// <summary>The state of the session.</summary>
    public QkdSessionState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>What the current epoch's keys rest on: <see cref="QkdSessionMode.Hybrid"/> or <see cref="QkdSessionMode.PostQuantumOnly"/> (<see cref="QkdSessionMode.None"/> before the first handshake).</summary>
    public QkdSessionMode Mode
    {
        get
        {
            lock (_lock)
            {
                return _current?.Mode ?? QkdSessionMode.None;
            }
        }
    }

    /// <summary>The current epoch (0 after the first handshake, one more per rekey).</summary>
    /// <exception cref="InvalidOperationException">No handshake yet.</exception>
    public uint Epoch
    {
        get
        {
            lock (_lock)
            {
                return (_current ?? throw NotEstablished()).Epoch;
            }
        }
    }

    /// <summary>The ETSI GS QKD 014 key IDs the current epoch's keys were derived from (empty when post-quantum-only or before the first handshake).</summary>
    public IReadOnlyList<Guid> CurrentKeyIds
    {
        get
        {
            lock (_lock)
            {
                return _current?.KeyIds ?? Array.Empty<Guid>();
            }
        }
    }

    /// <summary>Whether a rekey limit (records, bytes or time) of the current epoch is reached.</summary>
    public bool IsRekeyDue
    {
        get
        {
            lock (_lock)
            {
                return _current is not null && LimitsReached(_current, _time.GetUtcNow());
            }
        }
    }

    /// <summary>Under <see cref="QkdExhaustionPolicyKind.KeepCurrentKeyUntil"/>, once keys are kept: until when; otherwise null.</summary>
    public DateTimeOffset? KeepCurrentKeysDeadline
    {
        get
        {
            lock (_lock)
            {
                return _keepDeadline;
            }
        }
    }

    /// <summary>Creates the initiator (master SAE) end.</summary>
    /// <param name="options">The options; validated and copied.</param>
    /// <param name="responderKey">The responder's authenticated KEM encapsulation key.</param>
    /// <returns>The session; call <see cref="InitiateAsync"/> next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="responderKey"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or the key is for another KEM than <see cref="QkdSessionOptions.Kem"/>.</exception>
    /// <exception cref="QkdSessionException">The key is certified for another SAE than <see cref="QkdSessionOptions.PeerSaeId"/> (<see cref="QkdSessionError.UntrustedKemKey"/>).</exception>
    public static QkdSession CreateInitiator(QkdSessionOptions options, QkdResponderKey responderKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(responderKey);
        QkdSessionOptions copy = Checked(options, responderKey.Algorithm, nameof(responderKey), responderKey.SaeId, QkdSessionError.UntrustedKemKey, "responder's KEM key");
        byte[] keyBytes = responderKey.PublicKey.ToArray();
        EncapsulationKey key = FintechCrypto.EncapsulationKey.Import(copy.Kem, keyBytes, KeyBlobFormat.RawPublicKey);
        return new QkdSession(QkdSessionRole.Initiator, copy, key, null, keyBytes);
    }

    /// <summary>Creates the responder (slave SAE) end.</summary>
    /// <param name="options">The options; validated and copied.</param>
    /// <param name="decapsulationKey">The responder's KEM key, whose encapsulation key the initiator authenticated. Not owned: the caller disposes it after the session.</param>
    /// <returns>The session; call <see cref="AcceptAsync"/> with the initiator's first handshake message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="decapsulationKey"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or the key is for another KEM than <see cref="QkdSessionOptions.Kem"/>.</exception>
    /// <exception cref="QkdSessionException"><see cref="QkdSessionOptions.TrustedInitiatorKey"/> is certified for another SAE than <see cref="QkdSessionOptions.PeerSaeId"/> (<see cref="QkdSessionError.UntrustedInitiatorKey"/>).</exception>
    public static QkdSession CreateResponder(QkdSessionOptions options, DecapsulationKey decapsulationKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(decapsulationKey);
        QkdSessionOptions copy = Checked(options, decapsulationKey.Algorithm, nameof(decapsulationKey), options.TrustedInitiatorKey?.SaeId, QkdSessionError.UntrustedInitiatorKey, "initiator's ML-DSA key");
        byte[] keyBytes = decapsulationKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey);
        return new QkdSession(QkdSessionRole.Responder, copy, null, decapsulationKey, keyBytes);
    }

    /// <summary>The initiator's first handshake (epoch 0): fetch QKD keys for the peer, encapsulate, derive the keys.</summary>
    /// <param name="cancellationToken">Cancels the key-source calls.</param>
    /// <returns>The handshake message to send to the responder.</returns>
    /// <exception cref="InvalidOperationException">This is not an initiator, it already ran, or another handshake is running.</exception>
    /// <exception cref="QkdSessionException">The key source failed and the policy is not <see cref="QkdExhaustionPolicyKind.ContinuePostQuantumOnly"/> (<see cref="QkdSessionError.KeySourceFailed"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public async Task<byte[]> InitiateAsync(CancellationToken cancellationToken = default)
    {
        byte[]? message = await RunHandshakeAsync(QkdSessionRole.Initiator, FirstHandshakeAsync, cancellationToken).ConfigureAwait(false);
        return message ?? throw Error.Crypto_InternalError("the first handshake kept keys it did not have");
    }

    /// <summary>
    /// The initiator's rekey: fresh QKD keys and a fresh encapsulation for the next epoch. On success the session sends
    /// in the new epoch at once and still opens the previous epoch's records for <see cref="QkdSessionOptions.PreviousEpochGrace"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the key-source calls.</param>
    /// <returns>
    /// The handshake message to send to the responder; or null when the key source failed and the policy
    /// <see cref="QkdExhaustionPolicyKind.KeepCurrentKeyUntil"/> keeps the current keys (a
    /// <see cref="QkdSessionEventKind.PolicyFallback"/> event says until when; call again later).
    /// </returns>
    /// <exception cref="InvalidOperationException">This is not an initiator, there was no first handshake, or another handshake is running.</exception>
    /// <exception cref="QkdSessionException">The key source failed and the policy does not allow going on (<see cref="QkdSessionError.KeySourceFailed"/>), or the epoch counter is exhausted.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public Task<byte[]?> RekeyAsync(CancellationToken cancellationToken = default) =>
        RunHandshakeAsync(QkdSessionRole.Initiator, RekeyHandshakeAsync, cancellationToken);

    /// <summary>
    /// The responder's side of a handshake (the first one or a rekey): checks the message, fetches the QKD keys by ID
    /// from the initiator (014 Get key with key IDs), decapsulates, derives the keys and checks the key confirmation. A
    /// rekey's authenticator, and the initiator signature a responder requires, are checked before any key is fetched.
    /// </summary>
    /// <param name="handshakeMessage">The message the initiator sent.</param>
    /// <param name="cancellationToken">Cancels the key-source call.</param>
    /// <returns>A task that completes when the new epoch's keys are installed.</returns>
    /// <exception cref="InvalidOperationException">This is not a responder, or another handshake is running.</exception>
    /// <exception cref="QkdSessionException">The message is malformed, for other SAEs, another suite or an unexpected epoch; a post-quantum-only message arrived without that policy; a rekey's authenticator does not verify under the current epoch's keys (<see cref="QkdSessionError.RekeyNotAuthenticated"/>); a required initiator signature is missing or invalid (<see cref="QkdSessionError.InitiatorNotAuthenticated"/>); the key source failed; or the key confirmation does not match. The session is unchanged: mode, epoch, keys, counters and replay windows (QKD keys fetched for it are kept for <see cref="QkdSessionOptions.FailedHandshakeKeyRetention"/>, so the genuine message can be retried).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public Task AcceptAsync(ReadOnlyMemory<byte> handshakeMessage, CancellationToken cancellationToken = default) =>
        RunHandshakeAsync(QkdSessionRole.Responder, ct => ResponderHandshakeAsync(handshakeMessage, ct), cancellationToken);

    /// <summary>
    /// Clears every traffic key and every QKD key kept from a failed handshake. The responder's decapsulation key and the
    /// initiator's signing key are the caller's and are not disposed. An operation running on another thread either
    /// completes on the real keys (records are made and opened under the session's lock) or throws
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _current?.Dispose();
            _previous?.Dispose();
            _current = null;
            _previous = null;
            _retained.Clear();
            _state = QkdSessionState.Disposed;
            _encapsulationKey?.Dispose();
        }
    }

    /// <summary>Names the role, SAE IDs, state and mode; never keys.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        lock (_lock)
        {
            string epoch = _current is null ? "none" : _current.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"QkdSession({_role} {_options.LocalSaeId} -> {_options.PeerSaeId}, {_options.Kem.Name} + {_options.Kdf.Name}, {_state}, {_current?.Mode ?? QkdSessionMode.None}, epoch {epoch})";
        }
    }

    /// <summary>Runs one handshake of <paramref name="role"/>: one at a time, never on a disposed session or by the other role.</summary>
    private async Task<T> RunHandshakeAsync<T>(QkdSessionRole role, Func<CancellationToken, Task<T>> handshake, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        if (_role != role)
        {
            throw new InvalidOperationException(role == QkdSessionRole.Initiator
                ? "Only the initiator (master SAE) starts handshakes and rekeys."
                : "Only the responder (slave SAE) accepts handshake messages.");
        }

        if (Interlocked.CompareExchange(ref _handshakeBusy, 1, 0) != 0)
        {
            throw new InvalidOperationException("Another handshake of this QKD session is running.");
        }

        try
        {
            return await handshake(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _handshakeBusy, 0);
        }
    }

    private static InvalidOperationException NotEstablished() =>
        new("The QKD session has no keys yet: the initiator must call InitiateAsync and the responder AcceptAsync first.");

    /// <summary>
    /// The checks both factories make, on a copy of the options that the session keeps (later changes to
    /// <paramref name="options"/> do not reach it): the options, the session key's KEM against
    /// <see cref="QkdSessionOptions.Kem"/>, and the SAE ID the peer's authenticated key is certified for (if any) against
    /// <see cref="QkdSessionOptions.PeerSaeId"/>.
    /// </summary>
    private static QkdSessionOptions Checked(QkdSessionOptions options, KemAlgorithm kem, string paramName, string? certifiedSaeId, QkdSessionError untrusted, string whose)
    {
        QkdSessionOptions copy = options.Copy();
        copy.Validate();
        if (kem != copy.Kem)
        {
            throw Error.Argument_KeyAlgorithmMismatch(paramName, kem.Name, copy.Kem.Name);
        }

        if (certifiedSaeId is not null && !string.Equals(certifiedSaeId, copy.PeerSaeId, StringComparison.Ordinal))
        {
            throw new QkdSessionException(untrusted, $"The {whose} is certified for SAE '{certifiedSaeId}', not the peer '{copy.PeerSaeId}'.");
        }

        return copy;
    }
}
