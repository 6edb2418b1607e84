using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace FintechCrypto.Tests.Contract;

/// <summary>
/// The lifecycle every key type shares, run over every key type and every parameter set of its family
/// (<see cref="Registry.Keys"/>): export and import in every format, TryExport, the formats refused, Dispose, and a
/// ToString without secrets. Family-specific operations are in the *FamilyContractTests classes beside this one.
/// </summary>
public sealed class KeyContractTests
{
    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void ExportThenImport_RoundTripsInEveryFormat(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        using IDisposable key = kind.Create(label);
        foreach (KeyBlobFormat format in kind.ImportFormats(label))
        {
            byte[] blob = kind.Export(key, format);
            using IDisposable imported = kind.Import(label, blob, format);
            Assert.Equal(kind.Algorithm(label), kind.AlgorithmOf(imported));
            Assert.True(blob.AsSpan().SequenceEqual(kind.Export(imported, format)), $"{type}({label}): {format} changed in a round trip");
            foreach (KeyBlobFormat other in kind.ExportFormats(label).Where(f => f > KeyBlobFormat.None))
            {
                // The imported key is the same key: every public encoding of it is the original's.
                Assert.True(kind.Export(key, other).AsSpan().SequenceEqual(kind.Export(imported, other)), $"{type}({label}): imported from {format}, its {other} differs");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void FormatsItLacks_AreArgumentExceptions_ForExportAndImport(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        using IDisposable key = kind.Create(label);
        IReadOnlyList<KeyBlobFormat> exports = kind.ExportFormats(label);
        IReadOnlyList<KeyBlobFormat> imports = kind.ImportFormats(label);
        byte[] someBlob = kind.Export(key, imports[0]);
        foreach (KeyBlobFormat format in ContractFormats.AllValues)
        {
            if (exports.Contains(format))
            {
                Assert.NotEmpty(kind.Export(key, format));
            }
            else
            {
                ArgumentException e = Assert.Throws<ArgumentException>(() => kind.Export(key, format));
                Assert.Equal("format", e.ParamName);
            }

            if (!imports.Contains(format))
            {
                ArgumentException e = Assert.Throws<ArgumentException>(() => kind.Import(label, someBlob, format).Dispose());
                Assert.Equal("format", e.ParamName);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void TryExport_WritesExportsBytesFromTheStart_AndRefusesATooSmallDestination(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        if (kind.TryExport is not { } tryExport)
        {
            return; // AeadKey: PendingKeyApiContractTests.cs.txt
        }

        using IDisposable key = kind.Create(label);
        foreach (KeyBlobFormat format in kind.ExportFormats(label))
        {
            byte[] expected = kind.Export(key, format);

            byte[] exact = new byte[expected.Length];
            Assert.True(tryExport(key, format, exact, out int written));
            Assert.Equal(expected.Length, written);
            Assert.Equal(expected, exact);

            byte[] larger = Enumerable.Repeat((byte)0xA5, expected.Length + 17).ToArray();
            Assert.True(tryExport(key, format, larger, out written));
            Assert.Equal(expected.Length, written);
            Assert.Equal(expected, larger[..written]);
            Assert.All(larger[written..], b => Assert.Equal(0xA5, b));

            byte[] small = Enumerable.Repeat((byte)0xA5, expected.Length - 1).ToArray();
            Assert.False(tryExport(key, format, small, out written), $"{type}({label}) {format}: TryExport into {small.Length} bytes");
            Assert.Equal(0, written);
            Assert.All(small, b => Assert.Equal(0xA5, b));
            Assert.False(tryExport(key, format, Span<byte>.Empty, out written));
            Assert.Equal(0, written);
        }

        foreach (KeyBlobFormat format in ContractFormats.AllValues.Except(kind.ExportFormats(label)))
        {
            Assert.Equal("format", Assert.Throws<ArgumentException>(() => tryExport(key, format, new byte[64 * 1024], out _)).ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void EveryMember_WorksOnALiveKey_AndThrowsObjectDisposedExceptionOnceDisposed_ExceptAlgorithm(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        IDisposable key = kind.Create(label);
        List<(string Member, Action<IDisposable> Call)> members = kind.Members(label).ToList();
        if (!(type == nameof(SigningKey) && label.StartsWith("SLH-DSA-", StringComparison.Ordinal)))
        {
            // The arguments are valid: on a live key every call succeeds. (Not for SLH-DSA signing keys: five
            // signatures take up to seconds, and the same arguments are shown valid on ML-DSA, which has the same
            // context and pre-hash rules.)
            foreach ((string member, Action<IDisposable> call) in members)
            {
                Exception? e = Record.Exception(() => call(key));
                Assert.True(e is null, $"{type}({label}).{member} on a live key: {e}");
            }
        }

        string before = key.ToString()!;
        key.Dispose();
        key.Dispose(); // a second Dispose is harmless
        foreach ((string member, Action<IDisposable> call) in members)
        {
            Exception? e = Record.Exception(() => call(key));
            Assert.True(e is ObjectDisposedException, $"{type}({label}).{member} after Dispose threw {e?.GetType().Name ?? "nothing"}");
        }

        Assert.Equal(kind.Algorithm(label), kind.AlgorithmOf(key));
        Assert.Equal(before, key.ToString());
    }

    [Theory]
    [MemberData(nameof(Registry.KeysWithPublicHalves), MemberType = typeof(Registry))]
    public void PublicHalf_IsDisposedWithItsKey(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        IDisposable key = kind.Create(label);
        IDisposable publicHalf = kind.PublicHalf(key);
        Assert.Same(publicHalf, kind.PublicHalf(key));
        KeyKind publicKind = KeyKind.All.Single(k => k.TypeName == publicHalf.GetType().Name);
        byte[] raw = publicKind.Export(publicHalf, KeyBlobFormat.RawPublicKey);
        Assert.Equal(kind.Export(key, KeyBlobFormat.RawPublicKey), raw);
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => publicKind.Export(publicHalf, KeyBlobFormat.RawPublicKey));
        Assert.Throws<ObjectDisposedException>(() => kind.PublicHalf(key));
    }

    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void ToString_NamesTheTypeAndParameterSet_AndNoKeyMaterial(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        using IDisposable key = kind.Create(label);
        string text = key.ToString()!;
        Assert.Equal($"{type}({kind.AlgorithmOf(key)})", text);
        foreach (KeyBlobFormat format in kind.ExportFormats(label).Where(f => f is KeyBlobFormat.RawPrivateKey or KeyBlobFormat.PrivateKeySeed or KeyBlobFormat.RawPublicKey))
        {
            byte[] material = kind.Export(key, format);
            foreach (string rendering in Renderings(material.AsSpan(0, Math.Min(8, material.Length)).ToArray()))
            {
                Assert.DoesNotContain(rendering, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static IEnumerable<string> Renderings(byte[] bytes) =>
        new[] { Convert.ToHexString(bytes), Convert.ToBase64String(bytes).TrimEnd('='), Encoding.Latin1.GetString(bytes) };
}
