// QkdHandshakeMessage: the one message an initiator (master SAE) sends to establish or renew a QKD session's keys.
// It carries the ETSI GS QKD 014 key IDs (the in-band key-ID hand-off between master and slave that 014 leaves to the application) and the KEM ciphertext;
// the byte layout is documented in docs/qkd.md ("QkdSession: handshake encoding") and below.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// A QKD session handshake message, as the initiator makes it (<see cref="Encode"/>) or the responder decoded it
/// (<see cref="FromBytes"/>). Decoding is strict: anything but a well-formed message of this version throws
/// <see cref="QkdSessionException"/> with <see cref="QkdSessionError.MalformedMessage"/> (or
/// <see cref="QkdSessionError.SuiteMismatch"/> for an unknown suite).
/// </summary>
/// <remarks>
/// Layout of version 2, every integer big-endian:
/// <code>
/// magic "QKDS" (4) | version 0x02 (1) | KEM id (2) | KDF id (2) | mode (1: 1 hybrid, 2 post-quantum-only) | epoch (4)
/// | initiator SAE ID (2-byte length, 1..256 bytes UTF-8) | responder SAE ID (same)
/// | source KME ID (2-byte length, 0..256 bytes UTF-8; 0 = unknown) | target KME ID (same)
/// | QKD key size in bits (2; 0 in post-quantum-only mode) | key count k (1; 0 in post-quantum-only mode, else 1..16)
/// | k key IDs (16 bytes each, RFC 4122 big-endian UUID bytes) | KEM ciphertext (2-byte length, exactly the KEM's size)
/// | initiator signature algorithm (1: 0 none, 1 ML-DSA-44, 2 ML-DSA-65, 3 ML-DSA-87; always 0 in a rekey)
/// | initiator signature (2-byte length, 0 or exactly the algorithm's size; FIPS 204 ML-DSA over every byte before it)
/// | rekey authenticator (32, only when epoch &gt; 0: HMAC-SHA256 under the previous epoch's rekey authentication key over every byte before it)
/// | key confirmation (32: HMAC-SHA256 under a derived confirmation key over every byte before it)
/// </code>
/// No byte may follow the key confirmation. Version 1 (no signature field, no rekey authenticator) is refused: its
/// rekeys were not bound to the session they renew.
/// </remarks>
/// <param name="Kem">The KEM of the suite.</param>
/// <param name="Kdf">The hybrid KDF of the suite (ETSI TS 103 744 CatKDF variant).</param>
/// <param name="Mode"><see cref="QkdSessionMode.Hybrid"/> or <see cref="QkdSessionMode.PostQuantumOnly"/> (on the wire, the enum's value: 1 or 2).</param>
/// <param name="Epoch">The epoch whose keys this message establishes: 0 for the first handshake, then one more per rekey.</param>
/// <param name="InitiatorSaeId">The initiator (master) SAE ID.</param>
/// <param name="ResponderSaeId">The responder (slave) SAE ID.</param>
/// <param name="SourceKmeId">The initiator's KME (014 Status <c>source_KME_ID</c>), or null when unknown.</param>
/// <param name="TargetKmeId">The responder's KME (014 Status <c>target_KME_ID</c>), or null when unknown.</param>
/// <param name="KeySizeInBits">The size of each QKD key in bits; 0 in post-quantum-only mode.</param>
/// <param name="KeyIds">The ETSI GS QKD 014 key IDs the responder fetches with Get key with key IDs; empty in post-quantum-only mode.</param>
/// <param name="Ciphertext">The KEM ciphertext (public).</param>
/// <param name="InitiatorSignatureAlgorithm">The ML-DSA parameter set of the initiator's signature, or null when the message is not signed.</param>
internal sealed record QkdHandshakeMessage(
    KemAlgorithm Kem, HybridKdf Kdf, QkdSessionMode Mode, uint Epoch, string InitiatorSaeId, string ResponderSaeId, string? SourceKmeId,
    string? TargetKmeId, int KeySizeInBits, IReadOnlyList<Guid> KeyIds, ReadOnlyMemory<byte> Ciphertext, SignatureAlgorithm? InitiatorSignatureAlgorithm)
{
    /// <summary>The version this library writes and reads (2: rekeys chained and authenticated, optional initiator signature).</summary>
    internal const byte CurrentVersion = 2;

    /// <summary>The longest SAE or KME ID, in UTF-8 bytes.</summary>
    internal const int MaxIdLength = 256;

    /// <summary>The most QKD keys one handshake may name.</summary>
    internal const int MaxKeyCount = 16;

    /// <summary>The length of the key confirmation that ends the message.</summary>
    internal const int KeyConfirmationSize = 32;

    /// <summary>The length of the rekey authenticator that a rekey (epoch &gt; 0) carries before the key confirmation.</summary>
    internal const int RekeyAuthenticatorSize = 32;

    private const byte SignatureNone = 0;

    private static readonly byte[] s_magic = "QKDS"u8.ToArray();
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The initiator's ML-DSA signature over every byte before it, as decoded; empty when the message is not signed (the initiator signs after <see cref="Encode"/>).</summary>
    public ReadOnlyMemory<byte> InitiatorSignature { get; private init; }

    /// <summary>The rekey authenticator (HMAC-SHA256 under the previous epoch's rekey authentication key); empty for epoch 0.</summary>
    public ReadOnlyMemory<byte> RekeyAuthenticator { get; private init; }

    /// <summary>Where the fields of the decoded message are.</summary>
    public QkdHandshakeLayout Layout { get; private init; }

    /// <summary>The length of the encoding before the ciphertext field: the part bound into the KDF's <c>info</c>.</summary>
    public int ContextLength => Layout.ContextLength;

    /// <summary>Decodes a handshake message strictly.</summary>
    /// <param name="message">The bytes the initiator sent.</param>
    /// <returns>The decoded message.</returns>
    /// <exception cref="QkdSessionException">The message is malformed, of another version, or names an unknown suite.</exception>
    internal static QkdHandshakeMessage FromBytes(ReadOnlySpan<byte> message)
    {
        var reader = new Reader(message);
        if (!reader.Bytes(4).SequenceEqual(s_magic))
        {
            throw Malformed("it does not start with the magic \"QKDS\"");
        }

        byte version = reader.U8();
        if (version != CurrentVersion)
        {
            throw Malformed($"version {version} is not supported (only {CurrentVersion})");
        }

        ushort kemId = reader.U16();
        ushort kdfId = reader.U16();
        KemAlgorithm kem = QkdSuiteIds.Kems.Find(kemId)
            ?? throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The QKD session handshake names the unknown KEM id 0x{kemId:X4}.");
        HybridKdf kdf = QkdSuiteIds.Kdfs.Find(kdfId)
            ?? throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The QKD session handshake names the unknown KDF id 0x{kdfId:X4}.");

        byte modeByte = reader.U8();
        QkdSessionMode mode = modeByte is (byte)QkdSessionMode.Hybrid or (byte)QkdSessionMode.PostQuantumOnly
            ? (QkdSessionMode)modeByte
            : throw Malformed($"the mode {modeByte} is not 1 (hybrid) or 2 (post-quantum-only)");

        uint epoch = reader.U32();
        string initiator = reader.Utf8(1, "initiator SAE ID");
        string responder = reader.Utf8(1, "responder SAE ID");
        string source = reader.Utf8(0, "source KME ID");
        string target = reader.Utf8(0, "target KME ID");
        int keySize = reader.U16();
        int keyCount = reader.U8();
        if (mode == QkdSessionMode.PostQuantumOnly)
        {
            if (keyCount != 0 || keySize != 0)
            {
                throw Malformed("a post-quantum-only handshake must name no QKD key and a key size of 0");
            }
        }
        else if (keyCount is < 1 or > MaxKeyCount || keySize == 0 || keySize % 8 != 0)
        {
            throw Malformed($"a hybrid handshake needs 1 to {MaxKeyCount} QKD keys of a positive multiple of 8 bits (it names {keyCount} of {keySize} bits)");
        }

        var keyIds = new Guid[keyCount];
        for (int i = 0; i < keyCount; i++)
        {
            var id = new Guid(reader.Bytes(16), bigEndian: true);
            if (id == Guid.Empty)
            {
                throw Malformed("a QKD key ID is the nil UUID");
            }

            if (Array.IndexOf(keyIds, id, 0, i) >= 0)
            {
                throw Malformed($"the QKD key ID {id:D} appears twice");
            }

            keyIds[i] = id;
        }

        int contextLength = reader.Position;
        int ciphertextLength = reader.U16();
        if (ciphertextLength != kem.CiphertextSize)
        {
            throw Malformed($"the {kem.Name} ciphertext must be {kem.CiphertextSize} bytes, not {ciphertextLength}");
        }

        byte[] ciphertext = reader.Bytes(ciphertextLength).ToArray();
        byte signatureId = reader.U8();
        SignatureAlgorithm? signatureAlgorithm = signatureId == SignatureNone ? null
            : QkdSuiteIds.MlDsa.Find(signatureId) ?? throw Malformed($"the initiator signature algorithm {signatureId} is not 0 (none), 1, 2 or 3 (ML-DSA-44, -65, -87)");
        if (signatureAlgorithm is not null && epoch != 0)
        {
            throw Malformed("a rekey (epoch > 0) carries no initiator signature");
        }

        int signatureLength = reader.U16();
        int expectedSignatureLength = signatureAlgorithm?.SignatureSize ?? 0;
        if (signatureLength != expectedSignatureLength)
        {
            throw Malformed($"the initiator signature must be {expectedSignatureLength} bytes, not {signatureLength}");
        }

        int signatureOffset = reader.Position;
        byte[] signature = reader.Bytes(signatureLength).ToArray();
        int authenticatorOffset = reader.Position;
        byte[] authenticator = reader.Bytes(epoch == 0 ? 0 : RekeyAuthenticatorSize).ToArray();
        _ = reader.Bytes(KeyConfirmationSize);
        if (reader.Remaining != 0)
        {
            throw Malformed($"{reader.Remaining} bytes follow the key confirmation");
        }

        return new QkdHandshakeMessage(
            kem, kdf, mode, epoch, initiator, responder, source.Length == 0 ? null : source, target.Length == 0 ? null : target, keySize, keyIds, ciphertext, signatureAlgorithm)
        {
            InitiatorSignature = signature,
            RekeyAuthenticator = authenticator,
            Layout = new QkdHandshakeLayout(contextLength, signatureOffset, authenticatorOffset),
        };
    }

    /// <summary>
    /// Encodes the message; the initiator side of <see cref="FromBytes"/>. Returns the bytes, with the signature (room
    /// for one of <see cref="InitiatorSignatureAlgorithm"/>), the rekey authenticator (epoch &gt; 0) and the key
    /// confirmation left zero for the caller to fill, and where those fields are.
    /// </summary>
    internal byte[] Encode(out QkdHandshakeLayout layout)
    {
        byte[] initiator = IdBytes(InitiatorSaeId, 1, nameof(InitiatorSaeId));
        byte[] responder = IdBytes(ResponderSaeId, 1, nameof(ResponderSaeId));
        byte[] source = IdBytes(SourceKmeId ?? string.Empty, 0, nameof(SourceKmeId));
        byte[] target = IdBytes(TargetKmeId ?? string.Empty, 0, nameof(TargetKmeId));
        bool hybrid = Mode == QkdSessionMode.Hybrid;
        if (hybrid ? KeyIds.Count is < 1 or > MaxKeyCount : KeyIds.Count != 0)
        {
            throw Error.Crypto_InternalError("a handshake with the wrong number of QKD key IDs");
        }

        if (Ciphertext.Length != Kem.CiphertextSize)
        {
            throw Error.Crypto_InternalError("a KEM ciphertext of the wrong length");
        }

        byte signatureId = SignatureNone;
        if (InitiatorSignatureAlgorithm is not null)
        {
            signatureId = (byte?)QkdSuiteIds.MlDsa.Find(InitiatorSignatureAlgorithm) ?? throw Error.Crypto_InternalError("an initiator signature that is not ML-DSA");
            if (Epoch != 0)
            {
                throw Error.Crypto_InternalError("a signed rekey");
            }
        }

        int signatureLength = InitiatorSignatureAlgorithm?.SignatureSize ?? 0;
        int contextLength = 4 + 1 + 2 + 2 + 1 + 4 + (2 + initiator.Length) + (2 + responder.Length) + (2 + source.Length)
            + (2 + target.Length) + 2 + 1 + (16 * KeyIds.Count);
        int signatureOffset = contextLength + 2 + Ciphertext.Length + 1 + 2;
        int authenticatorOffset = signatureOffset + signatureLength;
        byte[] message = new byte[authenticatorOffset + (Epoch == 0 ? 0 : RekeyAuthenticatorSize) + KeyConfirmationSize];
        layout = new QkdHandshakeLayout(contextLength, signatureOffset, authenticatorOffset);
        var writer = new Writer(message);
        writer.Bytes(s_magic);
        writer.U8(CurrentVersion);
        writer.U16(QkdSuiteIds.Kems.IdOf(Kem, nameof(Kem)));
        writer.U16(QkdSuiteIds.Kdfs.IdOf(Kdf, nameof(Kdf)));
        writer.U8((byte)Mode);
        writer.U32(Epoch);
        writer.Id(initiator);
        writer.Id(responder);
        writer.Id(source);
        writer.Id(target);
        writer.U16((ushort)(hybrid ? KeySizeInBits : 0));
        writer.U8((byte)KeyIds.Count);
        foreach (Guid id in KeyIds)
        {
            // RFC 4122 §4.1.2: the UUID's fields in network byte order, the 16 bytes 014 key_ID strings spell in hex.
            if (!id.TryWriteBytes(writer.Take(16), bigEndian: true, out _))
            {
                throw Error.Crypto_InternalError("a key ID did not fit its 16 bytes");
            }
        }

        writer.U16((ushort)Ciphertext.Length);
        writer.Bytes(Ciphertext.Span);
        writer.U8(signatureId);
        writer.U16((ushort)signatureLength);
        return message;
    }

    /// <summary>Validates an SAE or KME ID and returns its UTF-8 bytes.</summary>
    internal static byte[] IdBytes(string id, int minimumLength, string paramName)
    {
        byte[] bytes;
        try
        {
            bytes = s_strictUtf8.GetBytes(id);
        }
        catch (EncoderFallbackException)
        {
            throw Error.Qkd_NotUnicode(paramName);
        }

        if (bytes.Length < minimumLength || bytes.Length > MaxIdLength)
        {
            throw Error.Argument_LengthRange(paramName, minimumLength, MaxIdLength, bytes.Length);
        }

        return bytes;
    }

    /// <summary>Names the suite, epoch, SAE IDs and key IDs; never secrets.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"QkdHandshakeMessage(epoch {Epoch}, {Mode}, {Kem.Name} + {Kdf.Name}, {InitiatorSaeId} -> {ResponderSaeId}, keys [{string.Join(", ", KeyIds)}]{(InitiatorSignatureAlgorithm is null ? string.Empty : $", signed with {InitiatorSignatureAlgorithm.Name}")})";

    private static QkdSessionException Malformed(string reason) =>
        new(QkdSessionError.MalformedMessage, $"The QKD session handshake message is malformed: {reason}.");

    /// <summary>A bounds-checked big-endian reader that throws <see cref="QkdSessionException"/> when the input ends early.</summary>
    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _input;

        internal Reader(ReadOnlySpan<byte> input)
        {
            _input = input;
            Position = 0;
        }

        internal int Position { get; private set; }

        internal readonly int Remaining => _input.Length - Position;

        internal ReadOnlySpan<byte> Bytes(int count)
        {
            if (count > Remaining)
            {
                throw Malformed($"it ends after {_input.Length} bytes, inside a field");
            }

            ReadOnlySpan<byte> slice = _input.Slice(Position, count);
            Position += count;
            return slice;
        }

        internal byte U8() => Bytes(1)[0];

        internal ushort U16() => BinaryPrimitives.ReadUInt16BigEndian(Bytes(2));

        internal uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Bytes(4));

        internal string Utf8(int minimumLength, string what)
        {
            int length = U16();
            if (length < minimumLength || length > MaxIdLength)
            {
                throw Malformed($"the {what} is {length} bytes long (allowed: {minimumLength} to {MaxIdLength})");
            }

            ReadOnlySpan<byte> bytes = Bytes(length);
            try
            {
                return s_strictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw Malformed($"the {what} is not valid UTF-8");
            }
        }
    }

    /// <summary>A big-endian writer into an array sized in advance.</summary>
    private ref struct Writer
    {
        private readonly Span<byte> _output;
        private int _position;

        internal Writer(Span<byte> output)
        {
            _output = output;
            _position = 0;
        }

        internal Span<byte> Take(int count)
        {
            Span<byte> slice = _output.Slice(_position, count);
            _position += count;
            return slice;
        }

        internal void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

        internal void U8(byte value) => Take(1)[0] = value;

        internal void U16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Take(2), value);

        internal void U32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Take(4), value);

        internal void Id(byte[] utf8)
        {
            U16((ushort)utf8.Length);
            Bytes(utf8);
        }
    }
}

/// <summary>
/// Where a handshake's fields are: the context (<c>info</c>) ends at <see cref="ContextLength"/>; the initiator signature
/// covers the bytes before <see cref="SignatureOffset"/>; the rekey authenticator covers the bytes before
/// <see cref="AuthenticatorOffset"/>; the key confirmation covers every byte before it.
/// </summary>
internal readonly record struct QkdHandshakeLayout(int ContextLength, int SignatureOffset, int AuthenticatorOffset);
