using System;
using System.Collections.Generic;
using System.Linq;

namespace FintechCrypto.Tests.Contract;

/// <summary>Writes a key's encoding into a destination span, as the key types' <c>TryExport</c> does.</summary>
public delegate bool TryExporter(IDisposable key, KeyBlobFormat format, Span<byte> destination, out int bytesWritten);

/// <summary>
/// One key type of the one API (SigningKey, VerificationKey, DecapsulationKey, EncapsulationKey, KeyAgreementKey,
/// KeyAgreementPublicKey, AeadKey) over every parameter set of its family in <see cref="Registry"/>, so that the
/// contract suite drives every type the same way, as NSec's tests do.
/// </summary>
public abstract class KeyKind
{
    private static readonly Lazy<IReadOnlyList<KeyKind>> s_all = new(() => new KeyKind[]
    {
        new SigningKeyKind(), new VerificationKeyKind(), new DecapsulationKeyKind(), new EncapsulationKeyKind(),
        new KeyAgreementKeyKind(), new KeyAgreementPublicKeyKind(), new AeadKeyKind(),
    });

    /// <summary>Every key type.</summary>
    public static IReadOnlyList<KeyKind> All => s_all.Value;

    /// <summary>The public type's name, e.g. <c>SigningKey</c>; also what its ToString starts with.</summary>
    public abstract string TypeName { get; }

    /// <summary>The labels of the family's parameter sets in <see cref="Registry"/>.</summary>
    public abstract IEnumerable<string> Labels { get; }

    /// <summary>True for the types that hold a secret (cleared on Dispose, never shown).</summary>
    public abstract bool HoldsSecret { get; }

    /// <summary>True for the private types whose public half is a property that belongs to them.</summary>
    public virtual bool HasPublicHalf => false;

    /// <summary>The formats Import reads for this parameter set.</summary>
    public abstract IReadOnlyList<KeyBlobFormat> ImportFormats(string label);

    /// <summary>The formats Export writes: the import formats, and the public formats for a private type with a public half.</summary>
    public IReadOnlyList<KeyBlobFormat> ExportFormats(string label) =>
        HasPublicHalf ? ImportFormats(label).Concat(ContractFormats.Public).ToArray() : ImportFormats(label);

    /// <summary>A key the test owns and may dispose: imported from the registry's shared key, so slow generation runs once.</summary>
    public abstract IDisposable Create(string label);

    /// <summary>The type's Import.</summary>
    public abstract IDisposable Import(string label, ReadOnlySpan<byte> blob, KeyBlobFormat format);

    /// <summary>The type's Export.</summary>
    public abstract byte[] Export(IDisposable key, KeyBlobFormat format);

    /// <summary>The type's TryExport, or null when the type has none yet (AeadKey; see PendingKeyApiContractTests.cs.txt).</summary>
    public abstract TryExporter? TryExport { get; }

    /// <summary>The key's Algorithm property.</summary>
    public abstract object AlgorithmOf(IDisposable key);

    /// <summary>The parameter set the label names.</summary>
    public abstract object Algorithm(string label);

    /// <summary>The public half (SigningKey.PublicKey…) of a key of a type with <see cref="HasPublicHalf"/>.</summary>
    public virtual IDisposable PublicHalf(IDisposable key) => throw new NotSupportedException($"{TypeName} has no public half.");

    /// <summary>
    /// Every public member of the type except Algorithm, Dispose and ToString, each called with valid arguments, so
    /// that the only reason for one to throw is a disposed key.
    /// </summary>
    public abstract IEnumerable<(string Member, Action<IDisposable> Call)> Members(string label);

    /// <summary>The kind whose <see cref="TypeName"/> is <paramref name="typeName"/>.</summary>
    public static KeyKind Named(string typeName) => All.Single(k => k.TypeName == typeName);

    /// <inheritdoc/>
    public override string ToString() => TypeName;
}

/// <summary>A <see cref="KeyKind"/> for the key type <typeparamref name="TKey"/> of the parameter-set type <typeparamref name="TAlgorithm"/>.</summary>
public abstract class KeyKind<TKey, TAlgorithm> : KeyKind
    where TKey : class, IDisposable
    where TAlgorithm : class
{
    /// <inheritdoc/>
    public sealed override string TypeName => typeof(TKey).Name;

    /// <inheritdoc/>
    public sealed override object Algorithm(string label) => Lookup(label);

    /// <inheritdoc/>
    public sealed override IDisposable Create(string label) => CreateKey(Lookup(label));

    /// <inheritdoc/>
    public sealed override IDisposable Import(string label, ReadOnlySpan<byte> blob, KeyBlobFormat format) => ImportKey(Lookup(label), blob, format);

    /// <inheritdoc/>
    public sealed override byte[] Export(IDisposable key, KeyBlobFormat format) => ExportKey((TKey)key, format);

    /// <inheritdoc/>
    public sealed override object AlgorithmOf(IDisposable key) => AlgorithmOfKey((TKey)key);

    /// <inheritdoc/>
    public sealed override IReadOnlyList<KeyBlobFormat> ImportFormats(string label) => ImportFormatsOf(Lookup(label));

    /// <inheritdoc/>
    public sealed override IEnumerable<(string Member, Action<IDisposable> Call)> Members(string label)
    {
        TAlgorithm algorithm = Lookup(label);
        foreach ((string member, Action<TKey> call) in Calls(algorithm))
        {
            yield return (member, key => call((TKey)key));
        }

        foreach (KeyBlobFormat format in ExportFormats(label))
        {
            yield return ($"Export({format})", key => ExportKey((TKey)key, format));
            if (TryExport is { } tryExport)
            {
                yield return ($"TryExport({format})", key => tryExport(key, format, new byte[64 * 1024], out _));
            }
        }
    }

    /// <summary>The registry's parameter set for a label.</summary>
    protected abstract TAlgorithm Lookup(string label);

    /// <summary>A fresh key of the parameter set.</summary>
    protected abstract TKey CreateKey(TAlgorithm algorithm);

    /// <summary>The type's Import.</summary>
    protected abstract TKey ImportKey(TAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format);

    /// <summary>The type's Export.</summary>
    protected abstract byte[] ExportKey(TKey key, KeyBlobFormat format);

    /// <summary>The key's Algorithm.</summary>
    protected abstract TAlgorithm AlgorithmOfKey(TKey key);

    /// <summary>The formats Import reads.</summary>
    protected abstract IReadOnlyList<KeyBlobFormat> ImportFormatsOf(TAlgorithm algorithm);

    /// <summary>Every member but Algorithm, Dispose, ToString, Export and TryExport, with valid arguments.</summary>
    protected abstract IEnumerable<(string Member, Action<TKey> Call)> Calls(TAlgorithm algorithm);
}

/// <summary>The format lists the families share.</summary>
public static class ContractFormats
{
    /// <summary>Raw, PKCS#8 and PEM PKCS#8.</summary>
    public static IReadOnlyList<KeyBlobFormat> Private { get; } = new[] { KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey };

    /// <summary>Raw, the seed, PKCS#8 and PEM PKCS#8.</summary>
    public static IReadOnlyList<KeyBlobFormat> PrivateWithSeed { get; } = new[] { KeyBlobFormat.RawPrivateKey, KeyBlobFormat.PrivateKeySeed, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey };

    /// <summary>Raw, SubjectPublicKeyInfo and PEM SubjectPublicKeyInfo.</summary>
    public static IReadOnlyList<KeyBlobFormat> Public { get; } = new[] { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo };

    /// <summary>The raw key bytes only (AEAD keys).</summary>
    public static IReadOnlyList<KeyBlobFormat> RawOnly { get; } = new[] { KeyBlobFormat.RawPrivateKey };

    /// <summary>Every value of <see cref="KeyBlobFormat"/>, and one that is none of them.</summary>
    public static IReadOnlyList<KeyBlobFormat> AllValues { get; } = Enum.GetValues<KeyBlobFormat>().Append((KeyBlobFormat)99).ToArray();
}
