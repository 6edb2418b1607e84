// KeyGenStateHeader: the fields that open both DKG secret packages (FrostDkgRound1SecretPackage, type 8, and
// FrostDkgRound2SecretPackage, type 10; docs/frost-wire.md), in bytes and in JSON:
//   bytes = purpose (1 byte: 0 DKG, 1 refresh) || identifier (Ns) || min signers (2 bytes) || max signers (2 bytes)
//   JSON  = "purpose": "dkg" | "refresh", "identifier": hex, "min_signers": n, "max_signers": n
// Decoding checks 2 <= min_signers <= max_signers (frost-core validate_num_of_signers, as the DKG itself does).

using System.Text.Json;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Purpose, identifier and signer counts of a DKG secret package (public values).</summary>
internal readonly record struct KeyGenStateHeader(KeyGenPurpose Purpose, FrostIdentifier Identifier, int MinSigners, int MaxSigners)
{
    private const string CountsProblem = "the counts must satisfy 2 <= min_signers <= max_signers";

    /// <summary>The JSON property names of the header fields, in order.</summary>
    internal static readonly string[] JsonProperties = ["purpose", "identifier", "min_signers", "max_signers"];

    /// <summary>
    /// How many polynomial coefficients, or commitment elements, the encodings carry: t for a DKG; t - 1 for a
    /// refresh, whose constant term is zero (its commitment element is the identity) and is left out.
    /// </summary>
    internal int StoredCount => Purpose == KeyGenPurpose.Dkg ? MinSigners : MinSigners - 1;

    /// <summary>Reads the header fields of the byte form.</summary>
    /// <exception cref="FintechCryptoException">A field is malformed, or the counts are inconsistent.</exception>
    internal static KeyGenStateHeader Read(ref WireReader reader)
    {
        byte purpose = reader.ReadByte();
        if (purpose > (byte)KeyGenPurpose.Refresh)
        {
            throw reader.Malformed($"purpose {purpose} is neither 0 (DKG) nor 1 (refresh)");
        }

        FrostIdentifier identifier = reader.ReadIdentifier();
        int minSigners = reader.ReadUInt16();
        int maxSigners = reader.ReadUInt16();
        if (!CountsAreValid(minSigners, maxSigners))
        {
            throw reader.Malformed(CountsProblem);
        }

        return new((KeyGenPurpose)purpose, identifier, minSigners, maxSigners);
    }

    /// <summary>Reads the header fields of the JSON form.</summary>
    /// <exception cref="FintechCryptoException">A field is malformed, or the counts are inconsistent.</exception>
    internal static KeyGenStateHeader Read(FrostJson.Reader reader)
    {
        KeyGenPurpose purpose = reader.GetString(reader.Root, "purpose") switch
        {
            "dkg" => KeyGenPurpose.Dkg,
            "refresh" => KeyGenPurpose.Refresh,
            _ => throw reader.Malformed("'purpose' is neither \"dkg\" nor \"refresh\""),
        };
        FrostIdentifier identifier = reader.GetIdentifier(reader.Root, "identifier");
        int minSigners = reader.GetInt(reader.Root, "min_signers", 0, ushort.MaxValue);
        int maxSigners = reader.GetInt(reader.Root, "max_signers", 0, ushort.MaxValue);
        if (!CountsAreValid(minSigners, maxSigners))
        {
            throw reader.Malformed(CountsProblem);
        }

        return new(purpose, identifier, minSigners, maxSigners);
    }

    /// <summary>Writes the header fields of the byte form.</summary>
    internal void Write(WireWriter writer)
    {
        writer.WriteByte((byte)Purpose);
        writer.WriteIdentifier(Identifier);
        writer.WriteUInt16(MinSigners);
        writer.WriteUInt16(MaxSigners);
    }

    /// <summary>Writes the header fields of the JSON form.</summary>
    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteString("purpose", Purpose == KeyGenPurpose.Dkg ? "dkg" : "refresh");
        FrostJson.WriteHex(writer, "identifier", Identifier.Encoded);
        writer.WriteNumber("min_signers", MinSigners);
        writer.WriteNumber("max_signers", MaxSigners);
    }

    private static bool CountsAreValid(int minSigners, int maxSigners) => minSigners >= 2 && maxSigners >= minSigners;
}
