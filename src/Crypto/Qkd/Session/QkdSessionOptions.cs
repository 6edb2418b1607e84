// QkdSessionOptions: the configuration of one end of a QkdSession (validated by QkdSession.Create*).

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// The configuration of one end of a <see cref="QkdSession"/>. Both ends must agree on the KEM, the KDF and the QKD key
/// size and count; the session copies the values when it is created, so later changes do not affect it.
/// </summary>
public sealed class QkdSessionOptions
{
    /// <summary>The most records per epoch a limit may allow: 2^24, the TLS 1.3 bound for AES-GCM (RFC 8446 §5.5).</summary>
    public const long MaxRekeyAfterMessages = 1L << 24;

    /// <summary>The most bytes per epoch a limit may allow: 2^36 (64 GiB).</summary>
    public const long MaxRekeyAfterBytes = 1L << 36;

    /// <summary>
    /// The hard ceiling of records one traffic key protects, whatever the policy or deadline: 23,726,566, that is
    /// ⌊2^24.5⌋, the AES-GCM limit RFC 8446 §5.5 sets for TLS 1.3 (about 2^-57 margin for authenticated encryption).
    /// Past it <see cref="QkdSession.Protect(ReadOnlySpan{byte}, Span{byte})"/> throws <see cref="QkdSessionException"/>
    /// (<see cref="QkdSessionError.RekeyRequired"/>) even under <see cref="QkdExhaustionPolicyKind.KeepCurrentKeyUntil"/>.
    /// </summary>
    public const long MaxRecordsPerKey = 23_726_566;

    /// <summary>
    /// The hard ceiling of plaintext bytes one traffic key protects, whatever the policy or deadline:
    /// <see cref="MaxRecordsPerKey"/> full-size TLS 1.3 records of 2^14 bytes (RFC 8446 §5.5 counts full-size records),
    /// 388,736,057,344 bytes (about 362 GiB). A record that would pass it is refused like one past
    /// <see cref="MaxRecordsPerKey"/>.
    /// </summary>
    public const long MaxBytesPerKey = MaxRecordsPerKey * (1L << 14);

    /// <summary>The most QKD keys a responder keeps from failed handshakes: 64 (four handshakes of 16 keys).</summary>
    public const int MaxRetainedQkdKeys = 64;

    /// <summary>This SAE's ID (014 <c>SAE_ID</c>): the master's for an initiator, the slave's for a responder.</summary>
    public string LocalSaeId { get; set; } = string.Empty;

    /// <summary>The peer SAE's ID.</summary>
    public string PeerSaeId { get; set; } = string.Empty;

    /// <summary>The QKD key source of this SAE (an ETSI GS QKD 014 client, the simulator's in-process source, ...).</summary>
    public IQkdKeySource? KeySource { get; set; }

    /// <summary>The KEM: <see cref="KemAlgorithm.MlKem768"/> (default), <see cref="KemAlgorithm.XWing"/>, ML-KEM-512 or ML-KEM-1024.</summary>
    public KemAlgorithm Kem { get; set; } = KemAlgorithm.MlKem768;

    /// <summary>The hybrid KDF (ETSI TS 103 744 CatKDF variant); HKDF-SHA256 (<see cref="HybridKdf.Hkdf(KdfAlgorithm)"/> on <see cref="KdfAlgorithm.HkdfSha256"/>) by default.</summary>
    public HybridKdf Kdf { get; set; } = HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256);

    /// <summary>The size of each QKD key in bits: a multiple of 8 from 128 to 8192; 256 by default.</summary>
    public int QkdKeySizeInBits { get; set; } = 256;

    /// <summary>How many QKD keys each handshake consumes, 1 to 16; 1 by default.</summary>
    public int QkdKeyCount { get; set; } = 1;

    /// <summary>What happens when the key source fails or the rekey limits pass; <see cref="QkdExhaustionPolicy.FailClosed"/> by default.</summary>
    public QkdExhaustionPolicy ExhaustionPolicy { get; set; } = QkdExhaustionPolicy.FailClosed;

    /// <summary>Rekey after this many records sent in one epoch, 1 to <see cref="MaxRekeyAfterMessages"/>; 1,000,000 by default.</summary>
    public long RekeyAfterMessages { get; set; } = 1_000_000;

    /// <summary>Rekey after this many plaintext bytes sent in one epoch, 1 to <see cref="MaxRekeyAfterBytes"/>; 1 GiB by default.</summary>
    public long RekeyAfterBytes { get; set; } = 1L << 30;

    /// <summary>Rekey after an epoch has lasted this long (positive, at most a day); 10 minutes by default.</summary>
    public TimeSpan RekeyAfterTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The replay window in records (RFC 4303 §3.4.3), a multiple of 64 from 64 to 65,536; 1024 by default.</summary>
    public int ReplayWindowSize { get; set; } = 1024;

    /// <summary>How long the previous epoch's receive key still opens in-flight records after a rekey (zero to 10 minutes); 30 seconds by default.</summary>
    public TimeSpan PreviousEpochGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a key-source call may take before it counts as a failure (positive, at most 10 minutes); 30 seconds by default.</summary>
    public TimeSpan KeySourceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the initiator asks the key source for its Status before each handshake (KME IDs and the stored key count for metrics); true by default.</summary>
    public bool QueryStatus { get; set; } = true;

    /// <summary>The clock for rekey limits, grace periods and deadlines; <see cref="System.TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Initiator only, optional: an ML-DSA-44, -65 or -87 signing key with which the initiator signs its first handshake
    /// (FIPS 204, context <c>FintechCrypto QKD session initiator v2</c>), so that a responder holding the matching
    /// <see cref="TrustedInitiatorKey"/> authenticates it. Not owned: the caller disposes it after the session.
    /// </summary>
    public SigningKey? InitiatorSigningKey { get; set; }

    /// <summary>
    /// Responder only, optional: the initiator's authenticated ML-DSA key. When set, a first handshake (epoch 0) is
    /// accepted only with a valid initiator signature by this key (<see cref="QkdSessionError.InitiatorNotAuthenticated"/>
    /// otherwise), checked before any QKD key is fetched. Rekeys need no signature: they are authenticated under the
    /// previous epoch's keys.
    /// </summary>
    public QkdInitiatorKey? TrustedInitiatorKey { get; set; }

    /// <summary>
    /// Responder only: how long QKD keys fetched for a handshake that then failed (a forged copy raced ahead of the
    /// genuine message, for example) are kept so that the genuine message can still use them; zero to 10 minutes, 60
    /// seconds by default; zero keeps none. At most <see cref="MaxRetainedQkdKeys"/> keys are kept; they are cleared when
    /// used, when they expire and on <see cref="QkdSession.Dispose"/>.
    /// </summary>
    public TimeSpan FailedHandshakeKeyRetention { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A copy of every option (the session keeps one, so later changes to these options do not reach it).</summary>
    internal QkdSessionOptions Copy() => (QkdSessionOptions)MemberwiseClone();

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names it.</exception>
    public void Validate()
    {
        _ = QkdHandshakeMessage.IdBytes(LocalSaeId ?? throw Error.ArgumentNull(nameof(LocalSaeId)), 1, nameof(LocalSaeId));
        _ = QkdHandshakeMessage.IdBytes(PeerSaeId ?? throw Error.ArgumentNull(nameof(PeerSaeId)), 1, nameof(PeerSaeId));
        if (string.Equals(LocalSaeId, PeerSaeId, StringComparison.Ordinal))
        {
            throw Error.Qkd_NotAcceptable(nameof(PeerSaeId), "The local and peer SAE IDs", "must differ");
        }

        if (KeySource is null)
        {
            throw Error.ArgumentNull(nameof(KeySource));
        }

        _ = QkdSuiteIds.Kems.IdOf(Kem ?? throw Error.ArgumentNull(nameof(Kem)), nameof(Kem));
        _ = QkdSuiteIds.Kdfs.IdOf(Kdf ?? throw Error.ArgumentNull(nameof(Kdf)), nameof(Kdf));
        if (ExhaustionPolicy is null)
        {
            throw Error.ArgumentNull(nameof(ExhaustionPolicy));
        }

        if (TimeProvider is null)
        {
            throw Error.ArgumentNull(nameof(TimeProvider));
        }

        Check(QkdKeySizeInBits is >= 128 and <= 8192 && QkdKeySizeInBits % 8 == 0, nameof(QkdKeySizeInBits), "a multiple of 8 from 128 to 8192 bits");
        Check(QkdKeyCount is >= 1 and <= QkdHandshakeMessage.MaxKeyCount, nameof(QkdKeyCount), $"from 1 to {QkdHandshakeMessage.MaxKeyCount}");
        Check(RekeyAfterMessages is >= 1 and <= MaxRekeyAfterMessages, nameof(RekeyAfterMessages), $"from 1 to {MaxRekeyAfterMessages}");
        Check(RekeyAfterBytes is >= 1 and <= MaxRekeyAfterBytes, nameof(RekeyAfterBytes), $"from 1 to {MaxRekeyAfterBytes}");
        Check(RekeyAfterTime > TimeSpan.Zero && RekeyAfterTime <= TimeSpan.FromDays(1), nameof(RekeyAfterTime), "positive and at most one day");
        Check(ReplayWindowSize is >= 64 and <= 65536 && ReplayWindowSize % 64 == 0, nameof(ReplayWindowSize), "a multiple of 64 from 64 to 65536");
        Check(PreviousEpochGrace >= TimeSpan.Zero && PreviousEpochGrace <= TimeSpan.FromMinutes(10), nameof(PreviousEpochGrace), "from zero to 10 minutes");
        Check(KeySourceTimeout > TimeSpan.Zero && KeySourceTimeout <= TimeSpan.FromMinutes(10), nameof(KeySourceTimeout), "positive and at most 10 minutes");
        Check(FailedHandshakeKeyRetention >= TimeSpan.Zero && FailedHandshakeKeyRetention <= TimeSpan.FromMinutes(10), nameof(FailedHandshakeKeyRetention), "from zero to 10 minutes");
        if (InitiatorSigningKey is not null)
        {
            QkdKeyKinds.MlDsa.CheckAlgorithm(InitiatorSigningKey.Algorithm, nameof(InitiatorSigningKey));
        }
    }

    private static void Check(bool condition, string name, string requirement)
    {
        if (!condition)
        {
            throw Error.ArgumentOutOfRange(name, requirement);
        }
    }
}
