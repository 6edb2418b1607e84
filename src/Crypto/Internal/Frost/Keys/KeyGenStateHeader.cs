// KeyGenStateHeader: the fields that open both DKG secret packages (FrostDkgRound1SecretPackage, type 8, and
// FrostDkgRound2SecretPackage, type 10; docs/frost-wire.md), in bytes and in JSON:
//   bytes = purpose (1 byte: 0 DKG, 1 refresh) || identifier (Ns) || min signers (2 bytes) || max signers (2 bytes)
//   JSON  = "purpose": "dkg" | "refresh", "identifier": hex, "min_signers": n, "max_signers": n
// Decoding checks 2 <= min_signers <= max_signers (frost-core validate_num_of_signers, as the DKG itself does).

using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Purpose, identifier and signer counts of a DKG secret package (public values).</summary>
internal readonly record struct KeyGenStateHeader(KeyGenPurpose Purpose, FrostIdentifier Identifier, int MinSigners, int MaxSigners)
{
    private const string CountsProblem = "the counts must satisfy 2 <= min_signers <= max_signers";

    /// <summary>The JSON property names of the header fields, in order.</summary>
    internal int StoredCount => Purpose == KeyGenPurpose.Dkg ? MinSigners : MinSigners - 1;

    internal static KeyGenStateHeader Read(FrostFieldReader reader)
    {
        KeyGenPurpose purpose = reader.Purpose("purpose");
        FrostIdentifier identifier = reader.Identifier("identifier");
        int minSigners = reader.Count("min_signers");
        int maxSigners = reader.Count("max_signers");
        return CountsAreValid(minSigners, maxSigners)
            ? new(purpose, identifier, minSigners, maxSigners)
            : throw reader.Malformed(CountsProblem);
    }

    internal void Write(FrostFieldWriter writer)
    {
        writer.Purpose("purpose", Purpose);
        writer.Identifier("identifier", Identifier);
        writer.Count("min_signers", MinSigners);
        writer.Count("max_signers", MaxSigners);
    }

    private static bool CountsAreValid(int minSigners, int maxSigners) => minSigners >= 2 && maxSigners >= minSigners;
}
