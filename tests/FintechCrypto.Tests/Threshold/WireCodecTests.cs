using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FintechCrypto.Threshold;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The checks every group of FROST wire formats gets (docs/frost-wire.md): byte and JSON round trips of every message
/// for every suite, the header layout, refusal of trailing bytes, truncation and every other type's decoder; and
/// FsCheck garbage and mutations into every FromBytes and FromJson, which may only succeed or throw
/// FintechCryptoException. A derived class names its codecs and sample messages.
/// </summary>
public abstract class WireCodecTests
{
    public static TheoryData<string> Suites() => FrostTestSuites.Names();

    /// <summary>The message types under test.</summary>
    private protected abstract IReadOnlyList<WireCodec> Codecs { get; }

    /// <summary>Valid messages of every codec, per suite.</summary>
    private protected abstract IReadOnlyList<(FrostCiphersuite Suite, (WireCodec Codec, object Message)[] Messages)> Samples { get; }

    /// <summary>JSON properties to overwrite with values of the wrong kind: those of the formats, and some that are not.</summary>
    private protected abstract string[] JsonPropertyNames { get; }

    [Theory]
    [MemberData(nameof(Suites))]
    public void EveryMessage_RoundTripsThroughBytesAndJson(string suiteName)
    {
        (FrostCiphersuite suite, (WireCodec Codec, object Message)[] messages) = Samples.Single(s => s.Suite.Name == suiteName);
        Assert.Equal(Codecs.Count, messages.Select(m => m.Codec).Distinct().Count());
        foreach ((WireCodec codec, object message) in messages)
        {
            byte[] bytes = codec.ToBytes(message);
            string json = codec.ToJson(message);

            // Header: version 1, the message type, the suite's context string.
            Assert.Equal(1, bytes[0]);
            Assert.Equal(codec.Type, bytes[1]);
            Assert.Equal(suite.Name, Encoding.ASCII.GetString(bytes, 3, bytes[2]));
            Assert.Contains($"\"ciphersuite\":\"{suite.Name}\"", json, StringComparison.Ordinal);

            object fromBytes = codec.FromBytes(bytes);
            object fromJson = codec.FromJson(json);
            Assert.Equal(bytes, codec.ToBytes(fromBytes));
            Assert.Equal(bytes, codec.ToBytes(fromJson));
            Assert.Equal(json, codec.ToJson(fromBytes));
            Assert.Equal(message.ToString(), fromJson.ToString());

            // Trailing bytes and truncation are refused; so is every other type's decoder.
            Assert.Throws<FintechCryptoException>(() => codec.FromBytes([.. bytes, 0]));
            Assert.Throws<FintechCryptoException>(() => codec.FromBytes(bytes[..^1]));
            foreach (WireCodec other in Codecs.Where(c => c != codec))
            {
                Assert.Throws<FintechCryptoException>(() => other.FromBytes(bytes));
                Assert.Throws<FintechCryptoException>(() => other.FromJson(json));
            }
        }
    }

    [Property(MaxTest = 200)]
    public void GarbageBytes_GiveFintechCryptoExceptionOnly(byte[] garbage, byte typeByte, bool withHeader)
    {
        garbage ??= [];
        foreach ((FrostCiphersuite suite, _) in Samples)
        {
            // Half the time behind a valid header of one of the types, so the field decoders see the garbage.
            byte type = Codecs[typeByte % Codecs.Count].Type;
            byte[] input = withHeader ? [1, type, (byte)suite.Name.Length, .. Encoding.ASCII.GetBytes(suite.Name), .. garbage] : garbage;
            foreach (WireCodec codec in Codecs)
            {
                MustBeOurs(() => codec.FromBytes(input));
            }
        }
    }

    [Property(MaxTest = 300)]
    public void MutatedValidBytes_GiveFintechCryptoExceptionOnly(PositiveInt position, byte xor, bool truncate)
    {
        foreach ((WireCodec codec, object message) in AllMessages())
        {
            byte[] bytes = codec.ToBytes(message);
            int at = position.Get % bytes.Length;
            byte[] mutated = truncate ? bytes[..at] : (byte[])bytes.Clone();
            if (!truncate)
            {
                mutated[at] ^= xor == 0 ? (byte)1 : xor;
            }

            MustBeOurs(() => codec.FromBytes(mutated));
        }
    }

    [Property(MaxTest = 200)]
    public void GarbageJson_GivesFintechCryptoExceptionOnly(string garbage)
    {
        garbage ??= string.Empty;
        foreach (WireCodec codec in Codecs)
        {
            MustBeOurs(() => codec.FromJson(garbage));
        }
    }

    [Property(MaxTest = 300)]
    public void MutatedValidJson_GivesFintechCryptoExceptionOnly(PositiveInt position, char replacement, bool truncate)
    {
        foreach ((WireCodec codec, object message) in AllMessages())
        {
            string json = codec.ToJson(message);
            int at = position.Get % json.Length;
            string mutated = truncate ? json[..at] : json[..at] + replacement + json[(at + 1)..];
            MustBeOurs(() => codec.FromJson(mutated));
        }
    }

    [Property(MaxTest = 150)]
    public void StructurallyValidJsonWithWrongValues_GivesFintechCryptoExceptionOnly(NonNegativeInt field, string value, int number)
    {
        value ??= string.Empty;
        string property = JsonPropertyNames[field.Get % JsonPropertyNames.Length];
        foreach ((WireCodec codec, object message) in AllMessages())
        {
            JsonObject node = JsonNode.Parse(codec.ToJson(message))!.AsObject();
            node[property] = (number & 3) switch
            {
                0 => JsonValue.Create(value),
                1 => JsonValue.Create(number),
                2 => new JsonArray(JsonValue.Create(value)),
                _ => new JsonObject(),
            };
            MustBeOurs(() => codec.FromJson(node.ToJsonString()));
        }
    }

    [Property(MaxTest = 100)]
    public void ValidHexOfAnyLengthInEveryField_GivesFintechCryptoExceptionOnly(NonNegativeInt field, byte[] bytes)
    {
        bytes ??= [];
        string hex = Convert.ToHexStringLower(bytes);
        foreach ((WireCodec codec, object message) in AllMessages())
        {
            JsonObject node = JsonNode.Parse(codec.ToJson(message))!.AsObject();
            string[] names = [.. node.Select(p => p.Key).Where(k => k is not ("version" or "type" or "ciphersuite"))];
            string property = names[field.Get % names.Length];
            node[property] = node[property] is JsonArray ? new JsonArray(JsonValue.Create(hex), JsonValue.Create(hex)) : JsonValue.Create(hex);
            MustBeOurs(() => codec.FromJson(node.ToJsonString()));
        }
    }

    // A decoder given hostile input may succeed or throw FintechCryptoException; anything else fails the test.
    private static void MustBeOurs(Action decode)
    {
        try
        {
            decode();
        }
        catch (FintechCryptoException)
        {
        }
    }

    private IEnumerable<(WireCodec Codec, object Message)> AllMessages() => Samples.SelectMany(s => s.Messages);
}
