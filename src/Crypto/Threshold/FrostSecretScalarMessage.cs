// FrostSecretScalarMessage: the key-generation messages that are one secret scalar (a DKG round-2 share f_i(l), a
// repair delta, a repair sigma), held once: the scalar in pinned memory cleared on Dispose, its one field in the wire
// and JSON forms (docs/frost-wire.md types 11, 13, 14: header || scalar (Ns); { header, "<field>": hex }), written and
// read here under the field name the message table (Internal/Frost/Codec/FrostCodec.cs) gives each type. A derived
// message declares only its constructor.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Threshold;

/// <summary>
/// A FROST message that is one secret scalar: <see cref="FrostDkgRound2Package"/>, <see cref="FrostRepairDelta"/>,
/// <see cref="FrostRepairSigma"/>.
/// </summary>
/// <typeparam name="TSelf">The message type.</typeparam>
/// <remarks>
/// Holds a secret: dispose it when done; <see cref="ToString"/> never shows it. Its encodings carry the secret too:
/// send them only over a confidential, authenticated channel.
/// </remarks>
public abstract class FrostSecretScalarMessage<TSelf> : FrostMessage<TSelf>, IDisposable
    where TSelf : FrostSecretScalarMessage<TSelf>
{
    private readonly SecretScalar _value;

    private protected FrostSecretScalarMessage(FrostCiphersuite ciphersuite, in Scalar value)
    {
        Ciphersuite = ciphersuite;
        _value = new SecretScalar(ciphersuite.Suite.Scalars, value, this);
    }

    /// <summary>Makes a message of the one secret scalar (the derived type's constructor).</summary>
    internal delegate TSelf Create(FrostCiphersuite ciphersuite, in Scalar value);

    /// <summary>
    /// The field reader of a message table row: reads the one field, makes the message by <paramref name="create"/> and
    /// clears the decoded copy.
    /// </summary>
    internal static TSelf Read(FrostFieldReader reader, string field, Create create)
    {
        Scalar value = reader.Scalar(field);
        try
        {
            return create(reader.Ciphersuite, value);
        }
        finally
        {
            value.Clear();
        }
    }

    /// <summary>The ciphersuite.</summary>
    public override FrostCiphersuite Ciphersuite { get; }

    internal bool IsDisposed => _value.IsDisposed;

    /// <summary>Clears the secret.</summary>
    public void Dispose() => _value.Dispose();

    /// <summary>A description without the secret.</summary>
    /// <returns>The type and suite.</returns>
    public override string ToString() => $"{typeof(TSelf).Name}({Ciphersuite.Name}, <redacted>)";

    /// <summary>The secret scalar; the caller clears the copy.</summary>
    internal Scalar GetValue() => _value.Get();

    internal override void WriteFields(FrostFieldWriter writer) => writer.SecretScalar(Kind.Field!, _value);

    /// <summary>
    /// The sum of the messages' secrets (share repair: a sigma is the sum of the deltas a helper received, a repaired
    /// share the sum of the sigmas; frost-core repair_share_part2 and part3), by <paramref name="sum"/> over the
    /// decoded copies, which are cleared here; the caller clears the result.
    /// </summary>
    /// <exception cref="ObjectDisposedException">A message was disposed.</exception>
    internal static Scalar Sum(IReadOnlyList<TSelf> messages, FrostCiphersuite ciphersuite, SumOfSecrets sum)
    {
        Scalar[] values = new Scalar[messages.Count];
        try
        {
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = ((FrostSecretScalarMessage<TSelf>)messages[k])._value.Get();
            }

            return sum(ciphersuite.Suite.Scalars, values);
        }
        finally
        {
            Array.Clear(values);
        }
    }
}

/// <summary>Adds decoded secrets (the internal repair step).</summary>
internal delegate Scalar SumOfSecrets(ScalarField field, ReadOnlySpan<Scalar> values);
