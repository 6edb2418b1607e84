using System;

namespace FintechCrypto;

/// <summary>
/// The one message factory for the exceptions FintechCrypto throws (NSec's <c>Error</c> pattern).
/// Every message may name algorithms, formats, parameter names and sizes, and never secret material.
/// </summary>
internal static class Error
{
    internal static ArgumentNullException ArgumentNull(string paramName) =>
        new(paramName, $"The argument '{paramName}' must not be null.");

    internal static ArgumentException Argument_Length(string paramName, int expected, int actual) =>
        new($"'{paramName}' must be exactly {expected} bytes long, but it is {actual} bytes long.", paramName);

    internal static ArgumentException Argument_LengthAtLeast(string paramName, int minimum, int actual) =>
        new($"'{paramName}' must be at least {minimum} bytes long, but it is {actual} bytes long.", paramName);

    internal static ArgumentException Argument_LengthRange(string paramName, int minimum, int maximum, int actual) =>
        new($"'{paramName}' must be between {minimum} and {maximum} bytes long, but it is {actual} bytes long.", paramName);

    internal static ArgumentException Argument_DestinationTooSmall(string paramName, int required, int actual) =>
        new($"The destination '{paramName}' is {actual} bytes long; {required} bytes are required.", paramName);

    internal static ArgumentException Argument_Overlap(string paramName) =>
        new($"The buffer '{paramName}' must not overlap an input buffer.", paramName);

    internal static ArgumentException Argument_KeyAlgorithmMismatch(string paramName, string keyAlgorithm, string expectedAlgorithm) =>
        new($"The key is for {keyAlgorithm}, but {expectedAlgorithm} is required.", paramName);

    internal static ArgumentException Argument_FormatNotSupported(string paramName, KeyBlobFormat format, string algorithm) =>
        new($"The key format {format} is not supported for {algorithm} in this direction.", paramName);

    internal static ArgumentException Argument_NoSeed(string paramName, string algorithm) =>
        new($"This {algorithm} key was imported without its seed, so it cannot export one; export RawPrivateKey or PKCS#8 instead.", paramName);

    internal static ArgumentException Argument_PreHashNotSupported(string paramName, string algorithm) =>
        new($"{algorithm} has no pre-hash variant.", paramName);

    internal static ArgumentException Argument_HashNotSupported(string paramName, string hash, string use, string supported) =>
        new($"The hash '{hash}' is not supported for {use}; use {supported}.", paramName);

    internal static ArgumentException Argument_ContextNotSupported(string paramName, string algorithm) =>
        new($"{algorithm} does not take a context string; pass an empty context.", paramName);

    internal static ArgumentException Argument_ContextTooLong(string paramName, int maximum, int actual) =>
        new($"The context string must be at most {maximum} bytes long, but it is {actual} bytes long.", paramName);

    internal static ArgumentException Argument_ModeNotSupported(string paramName, SigningMode mode, string algorithm) =>
        new($"{algorithm} does not support the signing mode {mode}.", paramName);

    internal static ArgumentException Argument_BatchItemWithoutKey(string paramName, int index) =>
        new($"Item {index} of the batch has no key (a default BatchVerificationItem).", paramName);

    internal static ArgumentException Argument_UnknownAlgorithm(string paramName, string family, string name) =>
        new($"'{name}' is not a {family} algorithm that FintechCrypto knows (names are case-sensitive).", paramName);

    internal static ArgumentOutOfRangeException ArgumentOutOfRange(string paramName, string requirement) =>
        new(paramName, $"'{paramName}' is out of range: {requirement}.");

    internal static InvalidKeyEncodingException Format_InvalidKey(string algorithm, KeyBlobFormat format, string reason) =>
        new($"The {format} key for {algorithm} is invalid: {reason}.");

    /// <summary>
    /// A key that a decoder (System.Formats.Asn1, the OS provider, BouncyCastle) refused. The decoder's exception is not
    /// kept, neither as the inner exception nor in the message: decoders' messages may quote the input (BouncyCastle
    /// quotes an encoding byte, System.Text.Json the offending character, OpenSSL error strings are not ours to
    /// audit), and the input may be a private key (issue 11). Only the decoder's exception type is named.
    /// </summary>
    internal static InvalidKeyEncodingException Format_InvalidKey(string algorithm, KeyBlobFormat format, string reason, Exception cause) =>
        new($"The {format} key for {algorithm} is invalid: {reason} ({CauseName(cause)}).");

    internal static FintechCryptoException Crypto_Failed(string algorithm, string operation) =>
        new($"{algorithm} {operation} failed.");

    /// <summary>A failure inside a provider; as with <see cref="Format_InvalidKey(string, KeyBlobFormat, string, Exception)"/>,
    /// only the cause's type is named (issue 11).</summary>
    internal static FintechCryptoException Crypto_Failed(string algorithm, string operation, Exception cause) =>
        new($"{algorithm} {operation} failed ({CauseName(cause)}).");

    internal static FintechCryptoException Crypto_InvalidPublicKey(string algorithm, string reason) =>
        new($"The {algorithm} public key cannot be used: {reason}.");

    internal static FintechCryptoException Crypto_InternalError(string what) =>
        new($"Internal error in FintechCrypto: {what}. Please report this.");

    /// <summary>The name of a cause's exception type, without its message (which may quote input).</summary>
    private static string CauseName(Exception cause) => cause.GetType().Name;

    // FROST

    /// <summary>A FROST scalar encoding (a signing share, a nonce, an identifier) that is not canonical (RFC 9591
    /// DeserializeScalar). The message never holds the bytes: they may be a secret share.</summary>
    internal static FintechCryptoException Frost_InvalidScalar(string ciphersuite, string field, int length) =>
        new($"The {field} is not a canonical {length}-byte {ciphersuite} scalar (RFC 9591 DeserializeScalar).");

    /// <summary>A FROST element encoding that does not decode to a non-identity element (RFC 9591 DeserializeElement).</summary>
    internal static FintechCryptoException Frost_InvalidElement(string group, string field, int length) =>
        new($"The {field} is not the {length}-byte encoding of a non-identity element of {group} (RFC 9591 DeserializeElement).");

    /// <summary>A FROST message or key whose parts do not fit together (a verifying share that is not the signing share
    /// times the generator, ...).</summary>
    internal static FintechCryptoException Frost_Inconsistent(string what, string reason) =>
        new($"The {what} is inconsistent: {reason}.");

    /// <summary>A FROST message that does not decode; <paramref name="reason"/> names counts and the format's own
    /// names only, never input bytes (issue 11).</summary>
    internal static FintechCryptoException Frost_Malformed(string what, string reason) =>
        new($"The {what} is malformed: {reason}.");

    /// <summary>The JSON form of a FROST message that does not decode; as <see cref="Frost_Malformed"/>.</summary>
    internal static FintechCryptoException Frost_MalformedJson(string what, string reason) =>
        new($"The {what} JSON is malformed: {reason}.");

    /// <summary>An argument (an identifier, a commitment, a package) of another ciphersuite than the call's.</summary>
    internal static ArgumentException Frost_CiphersuiteMismatch(string paramName, string actual, string expected) =>
        new($"'{paramName}' belongs to the ciphersuite {actual}, but {expected} is required.", paramName);

    /// <summary>A list argument with too few or too many entries.</summary>
    internal static ArgumentException Frost_Count(string paramName, string entries, int minimum, int maximum, int actual) =>
        new($"'{paramName}' must hold {minimum} to {maximum} {entries}, but it holds {actual}.", paramName);

    /// <summary>Any other FROST argument error; <paramref name="requirement"/> is a sentence saying what is required.</summary>
    internal static ArgumentException Frost_Argument(string paramName, string requirement) =>
        new(requirement, paramName);

    /// <summary>An entry of a list or map argument that is null; <paramref name="entry"/> says which kind.</summary>
    internal static ArgumentNullException Frost_NullEntry(string paramName, string entry) =>
        new(paramName, $"{entry} in '{paramName}' is null.");

    /// <summary>A list argument that must not be empty.</summary>
    internal static ArgumentException Frost_Empty(string paramName, string needs) =>
        new($"'{paramName}' is empty; {needs}.", paramName);

    /// <summary>An identifier that appears twice in a list argument (RFC 9591 §4.3: participant lists are sets).</summary>
    internal static ArgumentException Frost_DuplicateIdentifier(string paramName, string identifier) =>
        new($"The identifier {identifier} appears twice in '{paramName}'.", paramName);

    /// <summary>A participant that the public key package does not list.</summary>
    internal static ArgumentException Frost_NotAParticipant(string paramName, string identifier) =>
        new($"Participant {identifier} is not in the public key package.", paramName);

    /// <summary>Arguments that mix ciphersuites.</summary>
    internal static ArgumentException Frost_MixedCiphersuites(string paramName, string what) =>
        new($"{what} belong to different ciphersuites.", paramName);

    /// <summary>A group element of another group than the one asked to use it.</summary>
    internal static ArgumentException Frost_ForeignElement(string paramName, string group) =>
        new($"The element does not belong to the group {group}.", paramName);

    /// <summary>Lists that must pair up one to one (scalars and elements, shares and identifiers).</summary>
    internal static ArgumentException Frost_LengthMismatch(string paramName, string pairing) =>
        new($"{pairing}: the lists differ in length.", paramName);

    /// <summary>A map argument that changed while it was read (a concurrent writer).</summary>
    internal static ArgumentException Frost_ChangedWhileRead(string paramName) =>
        new("The map changed while it was read.", paramName);

    // QKD

    internal static ArgumentException Qkd_Empty(string paramName) =>
        new($"'{paramName}' must not be empty.", paramName);

    /// <summary>An SAE ID that cannot name an SAE (ETSI GS QKD 014 §5.1 puts it in a URI path segment); <paramref name="rule"/> says which rule it breaks.</summary>
    internal static ArgumentException Qkd_InvalidSaeId(string paramName, string rule) =>
        new($"The SAE ID {rule}.", paramName);

    internal static ArgumentException Qkd_NotUnicode(string paramName) =>
        new($"'{paramName}' is not valid Unicode text.", paramName);

    internal static ArgumentException Qkd_NoKeyIds(string paramName) =>
        new("At least one key ID is required.", paramName);

    /// <summary>RFC 9562 §5.9: the nil UUID names no key.</summary>
    internal static ArgumentException Qkd_NilKeyId(string paramName, int position) =>
        new($"Key ID {position.ToString(System.Globalization.CultureInfo.InvariantCulture)} is the nil UUID, which names no key.", paramName);

    internal static ArgumentException Qkd_RepeatedKeyId(string paramName, Guid keyId) =>
        new($"The key ID {keyId:D} is given twice.", paramName);

    /// <summary>A MACsec CAK is the key of a GCM-AES-128 or GCM-AES-256 cipher suite (IEEE 802.1X-2020 MKA).</summary>
    internal static ArgumentException Qkd_CakSize(string paramName, int actual) =>
        new($"A MACsec CAK is 16 or 32 bytes (GCM-AES-128 or GCM-AES-256); the key is {actual} bytes.", paramName);

    /// <summary>An option, request or input of a QKD component that breaks a rule: "<paramref name="subject"/> <paramref name="rule"/>." (names and sizes only, never key material).</summary>
    internal static ArgumentException Qkd_NotAcceptable(string paramName, string subject, string rule) =>
        new($"{subject} {rule}.", paramName);
}
