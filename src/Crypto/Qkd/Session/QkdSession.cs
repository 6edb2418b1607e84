// QkdSession: hybrid QKD + post-quantum session keys and an AES-256-GCM record channel (issue 6 item 4, qkd.md §8
// items 4-5). The initiator is the ETSI GS QKD 014 master SAE, the responder the slave SAE; the QKD key
// enters ETSI TS 103 744 CatKDF as the pre-shared key beside a KEM shared secret, never alone.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

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
public sealed class QkdSession : IDisposable
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
    private readonly string _localSaeId;
    private readonly string _peerSaeId;
    private readonly IQkdKeySource _keySource;
    private readonly KemAlgorithm _kem;
    private readonly HybridKdf _kdf;
    private readonly int _qkdKeySizeInBits;
    private readonly int _qkdKeyCount;
    private readonly QkdExhaustionPolicy _policy;
    private readonly long _rekeyAfterMessages;
    private readonly long _rekeyAfterBytes;
    private readonly TimeSpan _rekeyAfterTime;
    private readonly int _replayWindowSize;
    private readonly TimeSpan _previousEpochGrace;
    private readonly TimeSpan _keySourceTimeout;
    private readonly bool _queryStatus;
    private readonly TimeProvider _time;
    private readonly TagList _tags;
    private readonly SigningKey? _signingKey;              // initiator: signs the first handshake (optional, the caller's)
    private readonly QkdInitiatorKey? _trustedInitiator;   // responder: requires the first handshake signed by this key
    private readonly TimeSpan _retention;
    private readonly Dictionary<Guid, RetainedKey> _retained = [];

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
    private long _retainOrder;

    private QkdSession(QkdSessionRole role, QkdSessionOptions options, EncapsulationKey? encapsulationKey, DecapsulationKey? decapsulationKey, byte[] responderEncapsulationKey)
    {
        _role = role;
        _localSaeId = options.LocalSaeId;
        _peerSaeId = options.PeerSaeId;
        _keySource = options.KeySource!;
        _kem = options.Kem;
        _kdf = options.Kdf;
        _qkdKeySizeInBits = options.QkdKeySizeInBits;
        _qkdKeyCount = options.QkdKeyCount;
        _policy = options.ExhaustionPolicy;
        _rekeyAfterMessages = options.RekeyAfterMessages;
        _rekeyAfterBytes = options.RekeyAfterBytes;
        _rekeyAfterTime = options.RekeyAfterTime;
        _replayWindowSize = options.ReplayWindowSize;
        _previousEpochGrace = options.PreviousEpochGrace;
        _keySourceTimeout = options.KeySourceTimeout;
        _queryStatus = options.QueryStatus;
        _time = options.TimeProvider;
        _encapsulationKey = encapsulationKey;
        _decapsulationKey = decapsulationKey;
        _responderEncapsulationKey = responderEncapsulationKey;
        _tags = QkdMetrics.Tags(_localSaeId, _peerSaeId, role);
        _signingKey = role == QkdSessionRole.Initiator ? options.InitiatorSigningKey : null;
        _trustedInitiator = role == QkdSessionRole.Responder ? options.TrustedInitiatorKey : null;
        _retention = options.FailedHandshakeKeyRetention;
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
    public string LocalSaeId => _localSaeId;

    /// <summary>The peer SAE's ID.</summary>
    public string PeerSaeId => _peerSaeId;

    /// <summary>The KEM of the session.</summary>
    public KemAlgorithm Kem => _kem;

    /// <summary>The hybrid KDF of the session.</summary>
    public HybridKdf Kdf => _kdf;

    /// <summary>The exhaustion policy of this end.</summary>
    public QkdExhaustionPolicy ExhaustionPolicy => _policy;

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
        options.Validate();
        if (responderKey.Kem != options.Kem)
        {
            throw Error.Argument_KeyAlgorithmMismatch(nameof(responderKey), responderKey.Kem.Name, options.Kem.Name);
        }

        if (responderKey.SaeId is string certified && !string.Equals(certified, options.PeerSaeId, StringComparison.Ordinal))
        {
            throw new QkdSessionException(QkdSessionError.UntrustedKemKey, $"The responder's KEM key is certified for SAE '{certified}', not the peer '{options.PeerSaeId}'.");
        }

        byte[] keyBytes = responderKey.EncapsulationKey.ToArray();
        EncapsulationKey key = FintechCrypto.EncapsulationKey.Import(options.Kem, keyBytes, KeyBlobFormat.RawPublicKey);
        return new QkdSession(QkdSessionRole.Initiator, options, key, null, keyBytes);
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
        options.Validate();
        if (decapsulationKey.Algorithm != options.Kem)
        {
            throw Error.Argument_KeyAlgorithmMismatch(nameof(decapsulationKey), decapsulationKey.Algorithm.Name, options.Kem.Name);
        }

        if (options.TrustedInitiatorKey?.SaeId is string certified && !string.Equals(certified, options.PeerSaeId, StringComparison.Ordinal))
        {
            throw new QkdSessionException(QkdSessionError.UntrustedInitiatorKey, $"The initiator's ML-DSA key is certified for SAE '{certified}', not the peer '{options.PeerSaeId}'.");
        }

        byte[] keyBytes = decapsulationKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey);
        return new QkdSession(QkdSessionRole.Responder, options, null, decapsulationKey, keyBytes);
    }

    /// <summary>The length of the record that protects <paramref name="plaintextLength"/> bytes.</summary>
    /// <param name="plaintextLength">The plaintext length, not negative.</param>
    /// <returns>The record length.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="plaintextLength"/> is negative or too large.</exception>
    public static int GetRecordLength(int plaintextLength)
    {
        if (plaintextLength < 0 || plaintextLength > int.MaxValue - RecordOverhead)
        {
            throw Error.ArgumentOutOfRange(nameof(plaintextLength), $"from 0 to {int.MaxValue - RecordOverhead}");
        }

        return plaintextLength + RecordOverhead;
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
        EnterHandshake(QkdSessionRole.Initiator);
        try
        {
            lock (_lock)
            {
                if (_state != QkdSessionState.Created)
                {
                    throw new InvalidOperationException("The QKD session has already made its first handshake; use RekeyAsync.");
                }
            }

            byte[]? message = await InitiatorHandshakeAsync(0, keepAllowed: false, cancellationToken).ConfigureAwait(false);
            return message ?? throw Error.Crypto_InternalError("the first handshake kept keys it did not have");
        }
        finally
        {
            Volatile.Write(ref _handshakeBusy, 0);
        }
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
    public async Task<byte[]?> RekeyAsync(CancellationToken cancellationToken = default)
    {
        EnterHandshake(QkdSessionRole.Initiator);
        try
        {
            uint next;
            lock (_lock)
            {
                EpochKeys current = _current ?? throw NotEstablished();
                if (current.Epoch == uint.MaxValue)
                {
                    throw new QkdSessionException(QkdSessionError.EpochExhausted, "The QKD session's epoch counter is exhausted; start a new session.");
                }

                next = current.Epoch + 1;
            }

            return await InitiatorHandshakeAsync(next, keepAllowed: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _handshakeBusy, 0);
        }
    }

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
    public async Task AcceptAsync(ReadOnlyMemory<byte> handshakeMessage, CancellationToken cancellationToken = default)
    {
        EnterHandshake(QkdSessionRole.Responder);
        try
        {
            await ResponderHandshakeAsync(handshakeMessage, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _handshakeBusy, 0);
        }
    }

    /// <summary>Protects <paramref name="plaintext"/> into a record of the current epoch.</summary>
    /// <param name="plaintext">The message.</param>
    /// <param name="record">The destination, at least <see cref="GetRecordLength"/> bytes; must not overlap <paramref name="plaintext"/>.</param>
    /// <returns>The record length written.</returns>
    /// <exception cref="ArgumentException"><paramref name="record"/> is too small or overlaps <paramref name="plaintext"/>.</exception>
    /// <exception cref="InvalidOperationException">No handshake yet.</exception>
    /// <exception cref="QkdSessionException">The rekey limits are passed and the policy allows no more (<see cref="QkdSessionError.RekeyRequired"/>), or the sequence numbers are exhausted.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public int Protect(ReadOnlySpan<byte> plaintext, Span<byte> record)
    {
        int length = GetRecordLength(plaintext.Length);
        if (record.Length < length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(record), length, record.Length);
        }

        if (record.Overlaps(plaintext))
        {
            throw Error.Argument_Overlap(nameof(record));
        }

        List<QkdSessionEventArgs>? events = null;
        QkdSessionException? refusal = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EpochKeys keys = _current ?? throw NotEstablished();
            DateTimeOffset now = _time.GetUtcNow();
            RetirePrevious(now, ref events);
            PurgeRetained(now);
            refusal = CheckSendAllowed(keys, plaintext.Length, now, ref events);
            if (refusal is null)
            {
                ulong sequence = keys.NextSequence;
                Span<byte> header = record[..RecordHeaderSize];
                header[0] = RecordVersion;
                BinaryPrimitives.WriteUInt32BigEndian(header[1..], keys.Epoch);
                BinaryPrimitives.WriteUInt64BigEndian(header[5..], sequence);
                Span<byte> nonce = stackalloc byte[EpochKeys.NonceSize];
                keys.SendNonce(sequence, nonce);
                keys.SendKey.Encrypt(nonce, plaintext, header, record[RecordHeaderSize..length]);
                keys.NextSequence = sequence + 1;
                keys.MessagesSent++;
                keys.BytesSent += plaintext.Length;
                if (!_rekeyDueAnnounced && LimitsReached(keys, now))
                {
                    _rekeyDueAnnounced = true;
                    Add(ref events, Event(QkdSessionEventKind.RekeyDue, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are reached ({keys.MessagesSent} records, {keys.BytesSent} bytes sent)."));
                }
            }
        }

        Raise(events);
        if (refusal is not null)
        {
            throw refusal;
        }

        return length;
    }

    /// <summary>Protects <paramref name="plaintext"/> into a new record.</summary>
    /// <param name="plaintext">The message.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plaintext"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No handshake yet.</exception>
    /// <exception cref="QkdSessionException">See <see cref="Protect(ReadOnlySpan{byte}, Span{byte})"/>.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public byte[] Protect(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        byte[] record = new byte[GetRecordLength(plaintext.Length)];
        Protect(plaintext, record);
        return record;
    }

    /// <summary>
    /// Opens a record of the current epoch, or of the previous epoch during its grace period. Returns false, writing
    /// nothing, for a malformed, tampered, replayed, too old or wrong-epoch record, or before the first handshake.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="plaintext">The destination, at least the record length minus <see cref="RecordOverhead"/>; must not overlap <paramref name="record"/>.</param>
    /// <param name="bytesWritten">The plaintext length, or 0.</param>
    /// <returns>True when the record was authentic, fresh and opened.</returns>
    /// <exception cref="ArgumentException"><paramref name="plaintext"/> is too small or overlaps <paramref name="record"/>.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public bool TryUnprotect(ReadOnlySpan<byte> record, Span<byte> plaintext, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = record.Length - RecordOverhead;
        if (length >= 0 && plaintext.Length < length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(plaintext), length, plaintext.Length);
        }

        if (plaintext.Overlaps(record))
        {
            throw Error.Argument_Overlap(nameof(plaintext));
        }

        List<QkdSessionEventArgs>? events = null;
        string? rejection;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset now = _time.GetUtcNow();
            RetirePrevious(now, ref events);
            PurgeRetained(now);
            rejection = Open(record, plaintext, length);
        }

        Raise(events);
        if (rejection is not null)
        {
            QkdMetrics.RecordsRejected.Add(1, Tagged("qkd.reason", rejection));
            return false;
        }

        bytesWritten = length;
        return true;
    }

    /// <summary>Opens a record; see <see cref="TryUnprotect(ReadOnlySpan{byte}, Span{byte}, out int)"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="plaintext">The plaintext, or null when the record was refused.</param>
    /// <returns>True when the record was authentic, fresh and opened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public bool TryUnprotect(byte[] record, [NotNullWhen(true)] out byte[]? plaintext)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] buffer = new byte[Math.Max(0, record.Length - RecordOverhead)];
        if (TryUnprotect(record, buffer, out _))
        {
            plaintext = buffer;
            return true;
        }

        plaintext = null;
        return false;
    }

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
            ClearRetained();
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
            return $"QkdSession({_role} {_localSaeId} -> {_peerSaeId}, {_kem.Name} + {_kdf.Name}, {_state}, {_current?.Mode ?? QkdSessionMode.None}, epoch {epoch})";
        }
    }

    /// <summary>Fingerprints (SHA-256 of key ‖ nonce base) of the current send and receive keys, for tests; never the keys.</summary>
    internal (uint Epoch, byte[] Send, byte[] Receive) CurrentKeyFingerprintsForTesting()
    {
        lock (_lock)
        {
            EpochKeys keys = _current ?? throw NotEstablished();
            return (keys.Epoch, keys.SendFingerprint, keys.ReceiveFingerprint);
        }
    }

    /// <summary>Lowers the AES-GCM usage ceilings (records and bytes per key), so tests can reach them without 2^24 records.</summary>
    internal void SetKeyUsageCeilingsForTesting(long records, long bytes)
    {
        lock (_lock)
        {
            _recordCeiling = records;
            _byteCeiling = bytes;
        }
    }

    /// <summary>How many QKD keys from failed handshakes the session keeps now (after purging the expired ones).</summary>
    internal int RetainedQkdKeyCountForTesting()
    {
        lock (_lock)
        {
            PurgeRetained(_time.GetUtcNow());
            return _retained.Count;
        }
    }

    /// <summary>The QKD key objects kept now, so tests can see them cleared.</summary>
    internal IReadOnlyList<QkdKey> RetainedQkdKeysForTesting()
    {
        lock (_lock)
        {
            return [.. _retained.Values.Select(r => r.Key)];
        }
    }

    /// <summary>Sets the next send sequence number, so tests can reach sequence exhaustion.</summary>
    internal void SetNextSendSequenceForTesting(ulong sequence)
    {
        lock (_lock)
        {
            (_current ?? throw NotEstablished()).NextSequence = sequence;
        }
    }

    private static void Add(ref List<QkdSessionEventArgs>? events, QkdSessionEventArgs e) => (events ??= []).Add(e);

    private static InvalidOperationException NotEstablished() =>
        new("The QKD session has no keys yet: the initiator must call InitiateAsync and the responder AcceptAsync first.");

    private void EnterHandshake(QkdSessionRole role)
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
    }

    private async Task<byte[]?> InitiatorHandshakeAsync(uint epoch, bool keepAllowed, CancellationToken cancellationToken)
    {
        (QkdKeyContainer? keys, string? sourceKmeId, string? targetKmeId, KeySourceException? failure) =
            await FetchNewKeysAsync(cancellationToken).ConfigureAwait(false);
        using QkdKeyContainer? owned = keys;
        QkdSessionMode mode = QkdSessionMode.Hybrid;
        if (failure is not null)
        {
            string what = $"The QKD key source could not deliver {_qkdKeyCount} key(s) of {_qkdKeySizeInBits} bits for '{_peerSaeId}' (epoch {epoch}): {failure.Message}";
            switch (_policy.Kind)
            {
                case QkdExhaustionPolicyKind.ContinuePostQuantumOnly:
                    ReportFailure(QkdSessionError.KeySourceFailed, what, failure);
                    mode = QkdSessionMode.PostQuantumOnly;
                    break;
                case QkdExhaustionPolicyKind.KeepCurrentKeyUntil when keepAllowed:
                    if (KeepCurrentKeys(what, failure))
                    {
                        return null;
                    }

                    throw new QkdSessionException(QkdSessionError.KeySourceFailed, what + " The keep-current-key deadline has passed.", failure);
                default:
                    var exception = new QkdSessionException(QkdSessionError.KeySourceFailed, what, failure);
                    ReportFailure(QkdSessionError.KeySourceFailed, what, exception);
                    throw exception;
            }
        }

        IReadOnlyList<Guid> keyIds = keys is null ? Array.Empty<Guid>() : [.. KeyIdsOf(keys)];
        byte[] ciphertext = new byte[_kem.CiphertextSize];
        byte[] sharedSecret = GC.AllocateArray<byte>(_kem.SharedSecretSize, pinned: true);
        int chainLength = epoch == 0 ? 0 : QkdKeySchedule.ChainingSecretSize;
        byte[] psk = GC.AllocateArray<byte>(chainLength + (keys is null ? 0 : _qkdKeyCount * (_qkdKeySizeInBits / 8)), pinned: true);
        EpochKeys? derived = null;
        try
        {
            _encapsulationKey!.Encapsulate(ciphertext, sharedSecret);
            SignatureAlgorithm? signatureAlgorithm = epoch == 0 ? _signingKey?.Algorithm : null;
            byte[] message = QkdHandshakeMessage.Encode(
                _kem, _kdf, mode, epoch, _localSaeId, _peerSaeId, sourceKmeId, targetKmeId, _qkdKeySizeInBits, keyIds, ciphertext, signatureAlgorithm,
                out QkdHandshakeLayout layout);
            if (signatureAlgorithm is not null)
            {
                // FIPS 204 ML-DSA.Sign with a context string, over every byte before the signature.
                _ = _signingKey!.Sign(message.AsSpan(0, layout.SignatureOffset), message.AsSpan(layout.SignatureOffset, signatureAlgorithm.SignatureSize), s_initiatorSignatureContext);
            }

            if (epoch != 0)
            {
                // Chain the rekey to the epoch it replaces: authenticate the whole message under epoch e's rekey
                // authentication key, and take epoch e's chaining secret into the psk of CatKDF (QkdKeySchedule).
                lock (_lock)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    EpochKeys current = _current ?? throw NotEstablished();
                    if (current.Epoch != epoch - 1)
                    {
                        throw Error.Crypto_InternalError("a rekey not for the epoch after the current one");
                    }

                    current.RekeyAuthenticator(message.AsSpan(0, layout.AuthenticatorOffset), message.AsSpan(layout.AuthenticatorOffset, QkdHandshakeMessage.RekeyAuthenticatorSize));
                    current.ChainingSecret.CopyTo(psk);
                }
            }

            FillPsk(keys, psk.AsSpan(chainLength));
            derived = QkdKeySchedule.Derive(
                _kdf, psk, sharedSecret, message, layout.ContextLength, _responderEncapsulationKey, _role, epoch, mode, keyIds, _replayWindowSize,
                _time.GetUtcNow(), message.AsSpan(message.Length - QkdHandshakeMessage.KeyConfirmationSize));
            Install(derived, mode, mode == QkdSessionMode.PostQuantumOnly ? failure : null);
            derived = null;
            return message;
        }
        finally
        {
            derived?.Dispose();
            CryptographicOperations.ZeroMemory(sharedSecret);
            CryptographicOperations.ZeroMemory(psk);
        }
    }

    private async Task<(QkdKeyContainer? Keys, string? SourceKmeId, string? TargetKmeId, KeySourceException? Failure)> FetchNewKeysAsync(CancellationToken cancellationToken)
    {
        string? sourceKmeId = null;
        string? targetKmeId = null;
        QkdKeyContainer? keys = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_keySourceTimeout);
        try
        {
            if (_queryStatus)
            {
                // ETSI GS QKD 014 §5.2 Get status: the KME IDs bound into the key schedule, stored_key_count for metrics.
                QkdKeySourceStatus status = await _keySource.GetStatusAsync(_peerSaeId, timeout.Token).ConfigureAwait(false);
                QkdMetrics.RecordStatus(status, _localSaeId, _peerSaeId);
                sourceKmeId = HandshakeKmeId(status.SourceKmeId, "source_KME_ID");
                targetKmeId = HandshakeKmeId(status.TargetKmeId, "target_KME_ID");
            }

            // ETSI GS QKD 014 §5.3 Get key: new keys for the slave SAE.
            keys = await _keySource.GetKeysAsync(_peerSaeId, QkdKeyRequest.For(_qkdKeyCount, _qkdKeySizeInBits), timeout.Token).ConfigureAwait(false);
            CheckDelivered(keys, null);
            QkdMetrics.KeysFetched.Add(keys.Keys.Count, _tags);
            return (keys, sourceKmeId, targetKmeId, null);
        }
        catch (KeySourceException e)
        {
            keys?.Dispose();
            return (null, null, null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            keys?.Dispose();
            return (null, null, null, new KeySourceException(KeySourceError.Timeout, $"The QKD key source did not answer within {_keySourceTimeout.TotalSeconds} s.", innerException: e));
        }
        catch (ArgumentException e)
        {
            // An IDs-or-sizes refusal by the source's own argument checks (for example a key size outside its limits).
            keys?.Dispose();
            return (null, null, null, new KeySourceException(KeySourceError.BadRequest, $"The QKD key source refused the request: {e.Message}", innerException: e));
        }
#pragma warning disable CA1031 // A plug-in key source that breaks IQkdKeySource's contract (throws other than KeySourceException) is still a KME failure: the policy decides, never a bypass.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            keys?.Dispose();
            return (null, null, null, ForeignFailure(e));
        }
    }

    /// <summary>A key source's own exception type, named but not quoted (its message is not ours to vouch for).</summary>
    private static KeySourceException ForeignFailure(Exception e) =>
        new(KeySourceError.Unknown, $"The QKD key source failed with {e.GetType().Name}.", innerException: e);

    /// <summary>
    /// A KME ID of the Status as the handshake carries it (null when empty). One the handshake cannot carry (not Unicode
    /// text, or more than <see cref="QkdHandshakeMessage.MaxIdLength"/> bytes of UTF-8) is a bad answer of the key
    /// source, refused before any key is taken.
    /// </summary>
    private static string? HandshakeKmeId(string? kmeId, string member)
    {
        if (string.IsNullOrEmpty(kmeId))
        {
            return null;
        }

        try
        {
            _ = QkdHandshakeMessage.IdBytes(kmeId, 0, member);
            return kmeId;
        }
        catch (ArgumentException)
        {
            throw new KeySourceException(
                KeySourceError.InvalidResponse,
                $"The QKD key source's Status has a {member} that a handshake cannot carry (not Unicode text, or longer than {QkdHandshakeMessage.MaxIdLength} bytes of UTF-8).");
        }
    }

    private async Task ResponderHandshakeAsync(ReadOnlyMemory<byte> handshakeMessage, CancellationToken cancellationToken)
    {
        QkdHandshakeMessage message;
        uint expectedEpoch;
        int chainLength;
        byte[] chain = GC.AllocateArray<byte>(QkdKeySchedule.ChainingSecretSize, pinned: true);
        try
        {
            try
            {
                message = QkdHandshakeMessage.Decode(handshakeMessage.Span);
                lock (_lock)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    PurgeRetained(_time.GetUtcNow());
                    expectedEpoch = _current is null ? 0 : _current.Epoch == uint.MaxValue
                        ? throw new QkdSessionException(QkdSessionError.EpochExhausted, "The QKD session's epoch counter is exhausted; start a new session.")
                        : _current.Epoch + 1;
                }

                CheckMessage(message, expectedEpoch);

                // Authenticate before any QKD key is fetched or the ciphertext decapsulated: a rekey under the current
                // epoch's keys (so nobody but the peer of this epoch can rekey, or downgrade, it), a first handshake by
                // the initiator's ML-DSA signature when the responder requires one.
                chainLength = AuthenticateHandshake(message, handshakeMessage.Span, chain);
            }
            catch (QkdSessionException e)
            {
                ReportFailure(e.Error, e.Message, e);
                throw;
            }

            QkdKeyContainer? keys = message.Mode == QkdSessionMode.Hybrid ? await AcquireKeysAsync(message, cancellationToken).ConfigureAwait(false) : null;
            using QkdKeyContainer? owned = keys;
            bool installed = false;
            byte[] sharedSecret = GC.AllocateArray<byte>(_kem.SharedSecretSize, pinned: true);
            byte[] psk = GC.AllocateArray<byte>(chainLength + (keys is null ? 0 : _qkdKeyCount * (_qkdKeySizeInBits / 8)), pinned: true);
            byte[] confirmation = GC.AllocateArray<byte>(QkdHandshakeMessage.KeyConfirmationSize, pinned: true);
            EpochKeys? derived = null;
            try
            {
                _decapsulationKey!.Decapsulate(message.Ciphertext.Span, sharedSecret);
                chain.AsSpan(0, chainLength).CopyTo(psk);
                FillPsk(keys, psk.AsSpan(chainLength));
                ReadOnlySpan<byte> bytes = handshakeMessage.Span;
                derived = QkdKeySchedule.Derive(
                    _kdf, psk, sharedSecret, bytes, message.ContextLength, _responderEncapsulationKey, _role, message.Epoch, message.Mode,
                    message.KeyIds, _replayWindowSize, _time.GetUtcNow(), confirmation);
                if (!CryptographicOperations.FixedTimeEquals(confirmation, bytes[^QkdHandshakeMessage.KeyConfirmationSize..]))
                {
                    var exception = new QkdSessionException(
                        QkdSessionError.KeyConfirmationFailed,
                        $"The key confirmation of the epoch {message.Epoch} handshake from '{_peerSaeId}' does not match: the message was altered, or the ends hold different QKD or KEM keys.");
                    ReportFailure(QkdSessionError.KeyConfirmationFailed, exception.Message, exception);
                    throw exception;
                }

                lock (_lock)
                {
                    uint expected = _current is null ? 0 : _current.Epoch + 1;
                    if (message.Epoch != expected)
                    {
                        throw new QkdSessionException(QkdSessionError.UnexpectedEpoch, $"The handshake is for epoch {message.Epoch}, but epoch {expected} is expected.");
                    }
                }

                Install(derived, message.Mode, null);
                derived = null;
                installed = true;
            }
            finally
            {
                derived?.Dispose();
                if (!installed && keys is not null)
                {
                    // Issue 11 defect 2: keys fetched for a handshake that failed (a forged copy raced ahead of the
                    // genuine one) are kept for a while, so the genuine message still finds them.
                    Retain(keys);
                }

                CryptographicOperations.ZeroMemory(sharedSecret);
                CryptographicOperations.ZeroMemory(psk);
                CryptographicOperations.ZeroMemory(confirmation);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chain);
        }
    }

    /// <summary>
    /// Authenticates a handshake before anything secret is touched. A rekey (epoch e+1) must carry the HMAC-SHA256 of
    /// every byte before its authenticator under the current epoch e's rekey authentication key; the chaining secret of
    /// epoch e is copied to <paramref name="chain"/> and its length returned. A first handshake must carry a valid
    /// initiator signature when <see cref="QkdSessionOptions.TrustedInitiatorKey"/> is set; 0 is returned.
    /// </summary>
    private int AuthenticateHandshake(QkdHandshakeMessage message, ReadOnlySpan<byte> bytes, Span<byte> chain)
    {
        QkdHandshakeLayout layout = message.Layout;
        if (message.Epoch != 0)
        {
            Span<byte> expected = stackalloc byte[QkdHandshakeMessage.RekeyAuthenticatorSize];
            try
            {
                lock (_lock)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    EpochKeys current = _current ?? throw NotEstablished();
                    if (current.Epoch + 1 != message.Epoch)
                    {
                        throw new QkdSessionException(QkdSessionError.UnexpectedEpoch, $"The handshake is for epoch {message.Epoch}, but epoch {current.Epoch + 1} is expected.");
                    }

                    current.RekeyAuthenticator(bytes[..layout.AuthenticatorOffset], expected);
                    if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(layout.AuthenticatorOffset, QkdHandshakeMessage.RekeyAuthenticatorSize)))
                    {
                        throw new QkdSessionException(
                            QkdSessionError.RekeyNotAuthenticated,
                            $"The epoch {message.Epoch} rekey from '{_peerSaeId}' is not authenticated under the keys of epoch {current.Epoch}: it was injected or altered. The session is unchanged.");
                    }

                    current.ChainingSecret.CopyTo(chain);
                    return QkdKeySchedule.ChainingSecretSize;
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(expected);
            }
        }

        if (_trustedInitiator is not null
            && !_trustedInitiator.Verify(bytes[..layout.SignatureOffset], message.InitiatorSignatureAlgorithm, message.InitiatorSignature.Span, s_initiatorSignatureContext))
        {
            string why = message.InitiatorSignatureAlgorithm is null ? "carries no initiator signature" : "carries an initiator signature that does not verify with the trusted key";
            throw new QkdSessionException(QkdSessionError.InitiatorNotAuthenticated, $"The first handshake from '{_peerSaeId}' {why}, and this responder requires the initiator's {_trustedInitiator.Algorithm.Name} signature.");
        }

        return 0;
    }

    /// <summary>
    /// The QKD keys a hybrid handshake names: the ones kept from a failed handshake when all are there (issue 11 defect
    /// 2), else fetched by ID from the key source (ETSI GS QKD 014 §5.4 Get key with key IDs).
    /// </summary>
    private async Task<QkdKeyContainer> AcquireKeysAsync(QkdHandshakeMessage message, CancellationToken cancellationToken)
    {
        QkdKeyContainer? retained = TakeRetained(message.KeyIds);
        if (retained is not null)
        {
            return retained;
        }

        QkdKeyContainer? keys = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_keySourceTimeout);
        try
        {
            // ETSI GS QKD 014 §5.4 Get key with key IDs: the path names the master SAE (the initiator).
            keys = await _keySource.GetKeysWithIdsAsync(_peerSaeId, message.KeyIds, timeout.Token).ConfigureAwait(false);
            CheckDelivered(keys, message.KeyIds);
            QkdMetrics.KeysFetched.Add(keys.Keys.Count, _tags);
            return keys;
        }
#pragma warning disable CA1031 // As in FetchNewKeysAsync: any failure of the key source (ours or a plug-in's) fails the handshake in our family.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            keys?.Dispose();
            Exception cause = e is KeySourceException or ArgumentException or OperationCanceledException ? e : ForeignFailure(e);
            var exception = new QkdSessionException(
                QkdSessionError.KeySourceFailed,
                $"The QKD key source could not deliver the keys [{string.Join(", ", message.KeyIds)}] from '{_peerSaeId}' for epoch {message.Epoch}: {cause.Message}",
                cause);
            ReportFailure(QkdSessionError.KeySourceFailed, exception.Message, exception);
            throw exception;
        }
    }

    /// <summary>Takes the kept keys <paramref name="keyIds"/> out of the cache, in that order, if all are there and unexpired; else null.</summary>
    private QkdKeyContainer? TakeRetained(IReadOnlyList<Guid> keyIds)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            PurgeRetained(_time.GetUtcNow());
            var taken = new List<QkdKey>(keyIds.Count);
            foreach (Guid id in keyIds)
            {
                if (!_retained.TryGetValue(id, out RetainedKey? entry) || entry.Key.SizeInBits != _qkdKeySizeInBits)
                {
                    return null;
                }

                taken.Add(entry.Key);
            }

            foreach (Guid id in keyIds)
            {
                _retained.Remove(id);
            }

            return new QkdKeyContainer(taken);
        }
    }

    /// <summary>Keeps copies of <paramref name="keys"/> for <see cref="QkdSessionOptions.FailedHandshakeKeyRetention"/>, at most <see cref="QkdSessionOptions.MaxRetainedQkdKeys"/> (oldest dropped first).</summary>
    private void Retain(QkdKeyContainer keys)
    {
        lock (_lock)
        {
            if (_disposed || _retention <= TimeSpan.Zero)
            {
                return;
            }

            DateTimeOffset expiresAt = SaturatingAdd(_time.GetUtcNow(), _retention);
            foreach (QkdKey key in keys.Keys)
            {
                if (key.IsDisposed)
                {
                    continue;
                }

                if (_retained.Remove(key.KeyId, out RetainedKey? old))
                {
                    old.Key.Dispose();
                }

                while (_retained.Count >= QkdSessionOptions.MaxRetainedQkdKeys)
                {
                    RetainedKey oldest = _retained.Values.MinBy(r => r.Order)!;
                    _retained.Remove(oldest.Key.KeyId);
                    oldest.Key.Dispose();
                }

                _retained[key.KeyId] = new RetainedKey(new QkdKey(key.KeyId, key.Key), expiresAt, ++_retainOrder);
            }
        }
    }

    /// <summary>Clears kept keys whose time is over (under the lock).</summary>
    private void PurgeRetained(DateTimeOffset now)
    {
        if (_retained.Count == 0)
        {
            return;
        }

        List<Guid>? expired = null;
        foreach ((Guid id, RetainedKey entry) in _retained)
        {
            if (now >= entry.ExpiresAt)
            {
                (expired ??= []).Add(id);
            }
        }

        if (expired is not null)
        {
            foreach (Guid id in expired)
            {
                _retained.Remove(id, out RetainedKey? entry);
                entry!.Key.Dispose();
            }
        }
    }

    /// <summary>Clears every kept key (under the lock).</summary>
    private void ClearRetained()
    {
        foreach (RetainedKey entry in _retained.Values)
        {
            entry.Key.Dispose();
        }

        _retained.Clear();
    }

    private static DateTimeOffset SaturatingAdd(DateTimeOffset time, TimeSpan span) =>
        span > DateTimeOffset.MaxValue - time ? DateTimeOffset.MaxValue : time + span;

    private void CheckMessage(QkdHandshakeMessage message, uint expectedEpoch)
    {
        if (message.Kem != _kem || message.Kdf != _kdf)
        {
            throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The handshake uses {message.Kem.Name} + {message.Kdf.Name}, but this session is configured for {_kem.Name} + {_kdf.Name}.");
        }

        if (!string.Equals(message.InitiatorSaeId, _peerSaeId, StringComparison.Ordinal) || !string.Equals(message.ResponderSaeId, _localSaeId, StringComparison.Ordinal))
        {
            throw new QkdSessionException(QkdSessionError.WrongSaeId, $"The handshake is from '{message.InitiatorSaeId}' to '{message.ResponderSaeId}', but this session is '{_peerSaeId}' to '{_localSaeId}'.");
        }

        if (message.Epoch != expectedEpoch)
        {
            throw new QkdSessionException(QkdSessionError.UnexpectedEpoch, $"The handshake is for epoch {message.Epoch}, but epoch {expectedEpoch} is expected (a replayed or out-of-order handshake).");
        }

        if (message.Mode == QkdSessionMode.PostQuantumOnly)
        {
            if (_policy.Kind != QkdExhaustionPolicyKind.ContinuePostQuantumOnly)
            {
                throw new QkdSessionException(QkdSessionError.DowngradeRefused, $"The epoch {message.Epoch} handshake from '{_peerSaeId}' is post-quantum-only, but this session's policy is {_policy}.");
            }
        }
        else if (message.KeyIds.Count != _qkdKeyCount || message.KeySizeInBits != _qkdKeySizeInBits)
        {
            throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The handshake names {message.KeyIds.Count} QKD key(s) of {message.KeySizeInBits} bits, but this session uses {_qkdKeyCount} of {_qkdKeySizeInBits} bits.");
        }
    }

    /// <summary>Checks a delivery: the count, distinct non-nil IDs (the requested ones, in order, when known) and the sizes.</summary>
    private void CheckDelivered(QkdKeyContainer keys, IReadOnlyList<Guid>? expectedIds)
    {
        string? problem = null;
        if (keys is null || keys.Keys.Count != _qkdKeyCount)
        {
            problem = $"{keys?.Keys.Count ?? 0} key(s) delivered, {_qkdKeyCount} requested";
        }
        else
        {
            var seen = new HashSet<Guid>();
            for (int i = 0; i < keys.Keys.Count && problem is null; i++)
            {
                QkdKey key = keys.Keys[i];
                if (key.KeyId == Guid.Empty || !seen.Add(key.KeyId))
                {
                    problem = "a nil or repeated key ID";
                }
                else if (expectedIds is not null && key.KeyId != expectedIds[i])
                {
                    problem = $"key {key.KeyId:D} delivered where {expectedIds[i]:D} was requested";
                }
                else if (key.SizeInBits != _qkdKeySizeInBits)
                {
                    problem = $"key {key.KeyId:D} has {key.SizeInBits} bits, not {_qkdKeySizeInBits}";
                }
            }
        }

        if (problem is not null)
        {
            keys?.Dispose();
            throw new KeySourceException(KeySourceError.InvalidResponse, $"The QKD key source delivered the wrong keys: {problem}.");
        }
    }

    private static IEnumerable<Guid> KeyIdsOf(QkdKeyContainer keys)
    {
        foreach (QkdKey key in keys.Keys)
        {
            yield return key.KeyId;
        }
    }

    /// <summary>psk = the QKD keys concatenated in key-ID order (TS 103 744 CatKDF's pre-shared key); the container clears them after.</summary>
    private static void FillPsk(QkdKeyContainer? keys, Span<byte> psk)
    {
        if (keys is null)
        {
            return;
        }

        int offset = 0;
        foreach (QkdKey key in keys.Keys)
        {
            key.CopyTo(psk[offset..]); // under a lease: the key source may still hold the key
            offset += key.Length;
        }
    }

    /// <summary>Installs a new epoch: the current one becomes the previous (its receive key kept for the grace period).</summary>
    private void Install(EpochKeys keys, QkdSessionMode mode, KeySourceException? fallbackCause)
    {
        List<QkdSessionEventArgs>? events = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset now = _time.GetUtcNow();
            bool first = _current is null;
            _previous?.Dispose();
            _previous = _current;
            if (_previous is not null)
            {
                _previous.RetireAt = SaturatingAdd(now, _previousEpochGrace);
            }

            _current = keys;
            _state = QkdSessionState.Established;
            _keepDeadline = null;
            _rekeyDueAnnounced = false;
            string ids = keys.KeyIds.Count == 0 ? "no QKD key" : $"QKD key(s) [{string.Join(", ", keys.KeyIds)}]";
            if (mode == QkdSessionMode.PostQuantumOnly)
            {
                QkdMetrics.PolicyFallbacks.Add(1, Tagged("qkd.policy", "continue_post_quantum_only"));
                string why = fallbackCause is null ? "the initiator fell back to the KEM alone" : $"the key source failed ({fallbackCause.Error})";
                Add(ref events, Event(QkdSessionEventKind.PolicyFallback, keys.Epoch, $"Epoch {keys.Epoch} is POST-QUANTUM-ONLY: {why}; policy ContinuePostQuantumOnly.", policy: QkdExhaustionPolicyKind.ContinuePostQuantumOnly));
            }

            if (first)
            {
                Add(ref events, Event(QkdSessionEventKind.Established, keys.Epoch, $"Epoch {keys.Epoch} established ({mode}, {ids})."));
            }
            else
            {
                QkdMetrics.Rekeys.Add(1, _tags);
                Add(ref events, Event(QkdSessionEventKind.Rekeyed, keys.Epoch, $"Rekeyed to epoch {keys.Epoch} ({mode}, {ids})."));
            }
        }

        Raise(events);
    }

    /// <summary>Under KeepCurrentKeyUntil, after a failed rekey: keeps the current keys if the deadline allows; false when it has passed.</summary>
    private bool KeepCurrentKeys(string what, KeySourceException failure)
    {
        List<QkdSessionEventArgs>? events = null;
        bool kept;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset deadline = _keepDeadline ??= _policy.DeadlineFrom(now);
            EpochKeys current = _current ?? throw NotEstablished();
            QkdMetrics.Failures.Add(1, Tagged("qkd.error", nameof(QkdSessionError.KeySourceFailed)));
            Add(ref events, Event(QkdSessionEventKind.Failure, current.Epoch, what, exception: failure));
            kept = now < deadline;
            if (kept)
            {
                _state = QkdSessionState.KeepingCurrentKeys;
                QkdMetrics.PolicyFallbacks.Add(1, Tagged("qkd.policy", "keep_current_key_until"));
                Add(ref events, Event(QkdSessionEventKind.PolicyFallback, current.Epoch, $"Keeping the keys of epoch {current.Epoch} until {deadline:O} (policy {_policy}).", policy: QkdExhaustionPolicyKind.KeepCurrentKeyUntil, deadline: deadline));
            }
            else if (LimitsReached(current, now))
            {
                _state = QkdSessionState.RekeyRequired;
            }
        }

        Raise(events);
        return kept;
    }

    /// <summary>Null when a record may be sent now; otherwise the refusal to throw (after the lock is released).</summary>
    private QkdSessionException? CheckSendAllowed(EpochKeys keys, int plaintextLength, DateTimeOffset now, ref List<QkdSessionEventArgs>? events)
    {
        if (keys.NextSequence == ulong.MaxValue)
        {
            return Refuse(QkdSessionError.SequenceExhausted, keys.Epoch, $"The record sequence numbers of epoch {keys.Epoch} are exhausted; a nonce would repeat. Rekey.", ref events);
        }

        // The AES-GCM usage limits (RFC 8446 §5.5: 2^24.5 full-size records per key) hold whatever the policy and its
        // deadline (issue 11 defect 3): past them the key is never used again.
        if (keys.MessagesSent >= _recordCeiling || keys.BytesSent >= _byteCeiling || plaintextLength > _byteCeiling - keys.BytesSent)
        {
            return Refuse(
                QkdSessionError.RekeyRequired,
                keys.Epoch,
                $"The send key of epoch {keys.Epoch} has reached the AES-GCM usage ceiling ({_recordCeiling} records or {_byteCeiling} bytes per key, RFC 8446 §5.5) whatever the policy {_policy}; rekey.",
                ref events);
        }

        if (!LimitsReached(keys, now))
        {
            return null;
        }

        if (!_rekeyDueAnnounced)
        {
            _rekeyDueAnnounced = true;
            Add(ref events, Event(QkdSessionEventKind.RekeyDue, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are reached."));
        }

        if (_policy.Kind == QkdExhaustionPolicyKind.KeepCurrentKeyUntil)
        {
            DateTimeOffset deadline = _keepDeadline ??= _policy.DeadlineFrom(now);
            if (now < deadline)
            {
                if (_state != QkdSessionState.KeepingCurrentKeys)
                {
                    _state = QkdSessionState.KeepingCurrentKeys;
                    QkdMetrics.PolicyFallbacks.Add(1, Tagged("qkd.policy", "keep_current_key_until"));
                    Add(ref events, Event(QkdSessionEventKind.PolicyFallback, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are passed; keeping its keys until {deadline:O} (policy {_policy}).", policy: QkdExhaustionPolicyKind.KeepCurrentKeyUntil, deadline: deadline));
                }

                return null;
            }

            return Refuse(QkdSessionError.RekeyRequired, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are passed and the keep-current-key deadline {deadline:O} has passed; rekey.", ref events);
        }

        return Refuse(QkdSessionError.RekeyRequired, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are passed ({keys.MessagesSent} records, {keys.BytesSent} bytes, since {keys.StartedAt:O}); policy {_policy} refuses more records until a rekey.", ref events);
    }

    private QkdSessionException Refuse(QkdSessionError error, uint epoch, string message, ref List<QkdSessionEventArgs>? events)
    {
        var exception = new QkdSessionException(error, message);
        if (_state != QkdSessionState.RekeyRequired)
        {
            // Announced once per refusal episode; every refused call still throws.
            _state = QkdSessionState.RekeyRequired;
            QkdMetrics.Failures.Add(1, Tagged("qkd.error", error.ToString()));
            Add(ref events, Event(QkdSessionEventKind.Failure, epoch, message, exception: exception));
        }

        return exception;
    }

    private bool LimitsReached(EpochKeys keys, DateTimeOffset now) =>
        keys.MessagesSent >= _rekeyAfterMessages || keys.BytesSent >= _rekeyAfterBytes || now - keys.StartedAt >= _rekeyAfterTime;

    /// <summary>Opens a record under the lock; null on success, else the reason for the rejection metric.</summary>
    private string? Open(ReadOnlySpan<byte> record, Span<byte> plaintext, int length)
    {
        if (length < 0 || record[0] != RecordVersion)
        {
            return "malformed";
        }

        uint epoch = BinaryPrimitives.ReadUInt32BigEndian(record[1..]);
        ulong sequence = BinaryPrimitives.ReadUInt64BigEndian(record[5..]);
        EpochKeys? keys = _current is not null && _current.Epoch == epoch ? _current
            : _previous is not null && _previous.Epoch == epoch ? _previous
            : null;
        if (keys is null)
        {
            return "wrong_epoch";
        }

        // RFC 4303 §3.4.3: check the window first, update it only once the record authenticated.
        switch (keys.ReplayWindow.Check(sequence))
        {
            case ReplayCheck.Replayed:
                return "replayed";
            case ReplayCheck.TooOld:
                return "too_old";
        }

        Span<byte> nonce = stackalloc byte[EpochKeys.NonceSize];
        keys.ReceiveNonce(sequence, nonce);
        if (!keys.ReceiveKey.Decrypt(nonce, record[RecordHeaderSize..], record[..RecordHeaderSize], plaintext[..length]))
        {
            return "forged";
        }

        keys.ReplayWindow.Mark(sequence);
        return null;
    }

    /// <summary>Clears the previous epoch's keys once its grace period is over (under the lock).</summary>
    private void RetirePrevious(DateTimeOffset now, ref List<QkdSessionEventArgs>? events)
    {
        if (_previous?.RetireAt is DateTimeOffset retireAt && now >= retireAt)
        {
            uint epoch = _previous.Epoch;
            _previous.Dispose();
            _previous = null;
            Add(ref events, Event(QkdSessionEventKind.EpochRetired, epoch, $"The keys of epoch {epoch} are cleared (grace period over)."));
        }
    }

    private void ReportFailure(QkdSessionError error, string message, Exception exception)
    {
        QkdSessionEventArgs e;
        lock (_lock)
        {
            QkdMetrics.Failures.Add(1, Tagged("qkd.error", error.ToString()));
            e = Event(QkdSessionEventKind.Failure, _current?.Epoch ?? 0, message, exception: exception);
        }

        SessionEvent?.Invoke(this, e);
    }

    // Called under the lock.
    private QkdSessionEventArgs Event(
        QkdSessionEventKind kind, uint epoch, string message, QkdExhaustionPolicyKind? policy = null, DateTimeOffset? deadline = null, Exception? exception = null) =>
        new(kind, epoch, _current?.Mode ?? QkdSessionMode.None, _state, _time.GetUtcNow(), message)
        {
            Policy = policy,
            Deadline = deadline,
            Exception = exception,
        };

    private void Raise(List<QkdSessionEventArgs>? events)
    {
        if (events is null)
        {
            return;
        }

        foreach (QkdSessionEventArgs e in events)
        {
            SessionEvent?.Invoke(this, e);
        }
    }

    private TagList Tagged(string key, string value)
    {
        TagList tags = _tags;
        tags.Add(key, value);
        return tags;
    }

    /// <summary>A QKD key kept from a failed handshake, until <paramref name="ExpiresAt"/>; <paramref name="Order"/> says which is oldest.</summary>
    private sealed record RetainedKey(QkdKey Key, DateTimeOffset ExpiresAt, long Order);
}
