// FieldComparison: value equality and hashing of public FROST messages from the same field list that encodes them
// (FrostMessage.cs): two messages are equal when they are of one ciphersuite and every field is equal (elements
// compared in the group, not by encoding). Secret fields are never compared: a message that lists one has no value
// equality.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Frost.Keys;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>Compares and hashes public messages field by field.</summary>
internal static class FieldComparison
{
    internal static bool Equal<T>(FrostMessage<T> a, FrostMessage<T> b)
        where T : FrostMessage<T>
    {
        if (a.Ciphersuite != b.Ciphersuite)
        {
            return false;
        }

        List<object> left = Collect(a);
        List<object> right = Collect(b);
        if (left.Count != right.Count)
        {
            return false;
        }

        PrimeOrderGroup group = a.Ciphersuite.Suite.Group;
        for (int i = 0; i < left.Count; i++)
        {
            bool same = (left[i], right[i]) switch
            {
                (GroupElement x, GroupElement y) => group.ElementEquals(x, y),
                (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
                (object x, object y) => x.Equals(y),
            };
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hashes the type, the suite and every field but elements beyond the first (elements hash by encoding,
    /// which costs a serialization each).</summary>
    internal static int Hash<T>(FrostMessage<T> message)
        where T : FrostMessage<T>
    {
        var hash = default(HashCode);
        hash.Add(typeof(T));
        hash.Add(message.Ciphersuite);
        bool elementHashed = false;
        foreach (object field in Collect(message))
        {
            switch (field)
            {
                case GroupElement element when !elementHashed:
                    hash.AddBytes(message.Ciphersuite.Suite.Group.SerializeElement(element));
                    elementHashed = true;
                    break;
                case GroupElement:
                    break;
                case byte[] bytes:
                    hash.AddBytes(bytes);
                    break;
                default:
                    hash.Add(field);
                    break;
            }
        }

        return hash.ToHashCode();
    }

    private static List<object> Collect<T>(FrostMessage<T> message)
        where T : FrostMessage<T>
    {
        var collector = new Collector(message.Ciphersuite);
        message.WriteFields(collector);
        return collector.Fields;
    }

    /// <summary>Gathers the fields as comparable values: identifiers, scalar encodings, elements, counts, bytes.</summary>
    private sealed class Collector(FrostCiphersuite ciphersuite) : FrostFieldWriter(ciphersuite)
    {
        internal List<object> Fields { get; } = [];

        internal override void Identifier(string name, FrostIdentifier value) => Fields.Add(value);

        internal override void Scalar(string name, in Scalar value) => Fields.Add(Ciphersuite.Suite.Scalars.Encode(value));

        internal override void SecretScalar(string name, SecretScalar value) => throw Secret();

        internal override void SecretScalars(string name, ReadOnlySpan<byte> encodings) => throw Secret();

        internal override void Element(string name, GroupElement value) => Fields.Add(value);

        internal override void Elements(string name, ReadOnlySpan<GroupElement> values)
        {
            Fields.Add(values.Length);
            foreach (GroupElement value in values)
            {
                Fields.Add(value);
            }
        }

        internal override void Count(string name, int value) => Fields.Add(value);

        internal override void Bytes(string name, ReadOnlySpan<byte> value) => Fields.Add(value.ToArray());

        internal override void Purpose(string name, KeyGenPurpose value) => Fields.Add(value);

        internal override void Proof(string name, GroupElement r, in Scalar z)
        {
            Element(name, r);
            Scalar(name, z);
        }

        internal override void BeginList(string name, int count) => Fields.Add(count);

        private static InvalidOperationException Secret() => new("FROST messages with secret fields have no value equality.");
    }
}
