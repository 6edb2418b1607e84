using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FintechCrypto.Tests.Contract;

/// <summary>
/// Every key type's Import, in every format it reads, over every parameter set (<see cref="Registry.Keys"/>), fed
/// FsCheck-generated garbage and mutated valid encodings: it imports (and the key then exports), or refuses with the
/// family's exceptions (<see cref="InvalidKeyEncodingException"/> for a malformed blob, an ArgumentException for a
/// caller's mistake), never an IndexOutOfRange, NullReference, Overflow or a decoder's own exception.
/// </summary>
public sealed class KeyImportGarbageTests
{
    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void Import_Garbage_IsRefusedWithTheFamilysExceptionsOnly(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), (byte[] garbage) =>
        {
            foreach (KeyBlobFormat format in kind.ImportFormats(label))
            {
                ImportOrRefuse(kind, label, garbage ?? Array.Empty<byte>(), format);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void Import_MutatedValidEncoding_IsRefusedWithTheFamilysExceptionsOnly(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        Dictionary<KeyBlobFormat, byte[]> valid;
        using (IDisposable key = kind.Create(label))
        {
            valid = kind.ImportFormats(label).ToDictionary(f => f, f => kind.Export(key, f));
        }

        Prop.ForAll(ArbMap.Default.ArbFor<(int Position, byte Xor, bool Truncate)>(), input =>
        {
            foreach ((KeyBlobFormat format, byte[] blob) in valid)
            {
                if (format == KeyBlobFormat.PrivateKeySeed && !input.Truncate)
                {
                    continue; // any seed of the right length is a key: a changed byte only makes another one (for SLH-DSA, a key generation)
                }

                ImportOrRefuse(kind, label, Mutate(blob, input.Position, input.Xor, input.Truncate), format);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Theory]
    [MemberData(nameof(Registry.Keys), MemberType = typeof(Registry))]
    public void Import_PemWithGarbageBody_IsRefusedWithTheFamilysExceptionsOnly(string type, string label)
    {
        KeyKind kind = KeyKind.Named(type);
        IReadOnlyList<KeyBlobFormat> pem = kind.ImportFormats(label).Where(f => f is KeyBlobFormat.PemPkcs8PrivateKey or KeyBlobFormat.PemSubjectPublicKeyInfo).ToList();
        if (pem.Count == 0)
        {
            return; // AeadKey reads raw bytes only
        }

        Prop.ForAll(ArbMap.Default.ArbFor<string>(), (string body) =>
        {
            foreach (KeyBlobFormat format in pem)
            {
                string tag = format == KeyBlobFormat.PemPkcs8PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
                byte[] text = Encoding.UTF8.GetBytes($"-----BEGIN {tag}-----\n{body}\n-----END {tag}-----\n");
                ImportOrRefuse(kind, label, text, format);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    private static void ImportOrRefuse(KeyKind kind, string label, byte[] blob, KeyBlobFormat format)
    {
        IDisposable key;
        try
        {
            key = kind.Import(label, blob, format);
        }
        catch (InvalidKeyEncodingException)
        {
            return;
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            return;
        }

        // An imported key exports again: in its own format, and its public half in every public format.
        using (key)
        {
            foreach (KeyBlobFormat export in kind.ExportFormats(label).Where(f => f == format || f > KeyBlobFormat.None))
            {
                Assert.NotEmpty(kind.Export(key, export));
            }
        }
    }

    private static byte[] Mutate(byte[] valid, int position, byte xor, bool truncate)
    {
        int at = Math.Abs(position % valid.Length);
        if (truncate)
        {
            return valid[..at];
        }

        byte[] mutated = (byte[])valid.Clone();
        mutated[at] ^= xor == 0 ? (byte)1 : xor;
        return mutated;
    }
}
