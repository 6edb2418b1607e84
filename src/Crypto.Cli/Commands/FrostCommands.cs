// `fintechcrypto frost dealer|sign` (cli.md, "Threshold (FROST, RFC 9591)"). Scalars and elements are RFC 9591's
// SerializeScalar / SerializeElement in hex; participant identifiers are the integers 1..N.
//
// dealer: RFC 9591 Appendix C trusted_dealer_keygen. With --secret and --coefficients (Appendix E's
//   group_secret_key and share_polynomial_coefficients) it goes through FintechCrypto.Testing.FrostTesting, for
//   known-answer tests; with --secret alone it shares that key with random coefficients (FrostTrustedDealer.Split);
//   without either both are random (FrostTrustedDealer.Generate). `commitments` is the VSS commitment (Appendix C.2
//   vss_commit), whose first element is the group public key.
// sign: reads a `frost dealer` output, checks each named signer's signing share against its verifying share
//   (sk_i B = PK_i) and, when the file has the commitment, against it (Appendix C.2 vss_verify, and PK_i = the
//   commitment evaluated at i), then runs round one (§5.1 commit) and round two (§5.2 sign) for every signer in this
//   one process and aggregates with share verification (§5.3, §5.4). Too few signers, or a share that does not match,
//   is exit 2 with {"error", "culprits": [ids]}.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using FintechCrypto.Testing;
using FintechCrypto.Threshold;

namespace FintechCrypto.Cli.Commands;

/// <summary>The FROST threshold signature commands.</summary>
internal static class FrostCommands
{
    private const int MaxParticipants = ushort.MaxValue;

    internal static int Dealer(Arguments a, TextWriter stdout)
    {
        FrostCiphersuite suite = ResolveSuite(a);
        int threshold = Integer(a, "threshold", 2);
        int participants = Integer(a, "participants", 2);
        if (threshold > participants)
        {
            throw new CliException($"--threshold ({threshold}) must not exceed --participants ({participants})");
        }

        byte[]? secret = a.Hex("secret");
        List<byte[]>? coefficients = a.HexList("coefficients");
        try
        {
            if (coefficients is not null && secret is null)
            {
                throw new CliException("--coefficients needs --secret (RFC 9591 Appendix C's inputs come together)");
            }

            if (secret is not null && secret.Length != suite.ScalarLength)
            {
                throw new CliException($"--secret for {suite.Name} must be {suite.ScalarLength} bytes (a serialized scalar), not {secret.Length}");
            }

            if (coefficients is not null)
            {
                if (coefficients.Count != threshold - 1)
                {
                    throw new CliException($"--coefficients must hold threshold - 1 = {threshold - 1} scalars (the polynomial coefficients after the secret), not {coefficients.Count}");
                }

                for (int i = 0; i < coefficients.Count; i++)
                {
                    if (coefficients[i].Length != suite.ScalarLength)
                    {
                        throw new CliException($"item {i + 1} of --coefficients must be {suite.ScalarLength} bytes (a serialized scalar), not {coefficients[i].Length}");
                    }
                }
            }

            using FrostTrustedDealerResult dealt = coefficients is not null
                ? FrostTesting.SplitWithCoefficientsForTesting(suite, secret, coefficients, participants)
                : secret is not null
                    ? FrostTrustedDealer.Split(suite, secret, threshold, participants)
                    : FrostTrustedDealer.Generate(suite, threshold, participants);
            WriteDealerOutput(stdout, dealt);
        }
        finally
        {
            Clear(secret);
            if (coefficients is not null)
            {
                foreach (byte[] coefficient in coefficients)
                {
                    Clear(coefficient);
                }
            }
        }

        return ExitCodes.Success;
    }

    private static void WriteDealerOutput(TextWriter stdout, FrostTrustedDealerResult dealt)
    {
        FrostPublicKeyPackage publicKeys = dealt.PublicKeyPackage;
        var signingShares = new List<(string Id, byte[] Share)>();
        try
        {
            foreach (FrostSecretShare share in dealt.SecretShares)
            {
                // SerializeScalar(f(i)) in a pinned array, cleared below.
                signingShares.Add((share.Identifier.ToString(), share.ExportSigningShare()));
            }

            JsonOutput.WriteObject(stdout, w =>
            {
                w.WriteHex("groupPublicKey", publicKeys.GroupVerifyingKey.Span);
                w.WriteNumber("threshold", publicKeys.MinSigners);
                w.WriteStartArray("commitments");
                foreach (ReadOnlyMemory<byte> element in dealt.Commitment.CoefficientCommitments)
                {
                    w.WriteStringValue(Hex.Encode(element.Span));
                }

                w.WriteEndArray();
                w.WriteStartObject("verifyingShares");
                foreach (FrostIdentifier id in publicKeys.Identifiers)
                {
                    w.WriteHex(id.ToString(), publicKeys.GetVerifyingShare(id));
                }

                w.WriteEndObject();
                w.WriteStartObject("signingShares");
                foreach ((string id, byte[] share) in signingShares)
                {
                    w.WriteHex(id, share);
                }

                w.WriteEndObject();
            });
        }
        finally
        {
            foreach ((_, byte[] share) in signingShares)
            {
                Clear(share);
            }
        }
    }

    internal static int Sign(Arguments a, TextWriter stdout)
    {
        FrostCiphersuite suite = ResolveSuite(a);
        byte[] groupPublicKey = a.RequiredHex("group-public-key");
        string sharesPath = a.RequiredValue("shares");
        List<int> signers = ParseSigners(a.RequiredValue("signers"));
        byte[] message = a.RequiredHex("msg");

        DealerFile file = DealerFile.Read(sharesPath, suite);
        try
        {
            if (!groupPublicKey.AsSpan().SequenceEqual(file.GroupPublicKey))
            {
                throw new CliException("--group-public-key does not match the groupPublicKey of the --shares file");
            }

            // The commitment (when present) and the group key must be valid elements before any share is judged.
            FrostVssCommitment commitmentOrKey = new(suite, file.Commitments ?? [file.GroupPublicKey]);
            FrostVssCommitment? commitment = file.Commitments is null ? null : commitmentOrKey;
            foreach (int signer in signers)
            {
                if (!file.VerifyingShares.ContainsKey(signer))
                {
                    throw new CliException($"participant {signer} of --signers is not in the group (the --shares file has no verifying share for it)");
                }

                if (!file.SigningShares.ContainsKey(signer))
                {
                    throw new CliException($"the --shares file has no signing share for participant {signer}");
                }
            }

            // RFC 9591 §5: at least MIN_PARTICIPANTS signers. No one participant is to blame.
            if (signers.Count < file.Threshold)
            {
                throw ProtocolFailure($"{signers.Count} signer(s) named; the threshold is {file.Threshold}", []);
            }

            var keyPackages = new List<FrostKeyPackage>(signers.Count);
            try
            {
                var culprits = new List<int>();
                foreach (int signer in signers)
                {
                    FrostKeyPackage? keyPackage = CheckedKeyPackage(suite, signer, file, commitment);
                    if (keyPackage is null)
                    {
                        culprits.Add(signer);
                    }
                    else
                    {
                        keyPackages.Add(keyPackage);
                    }
                }

                if (culprits.Count > 0)
                {
                    string against = commitment is null ? "verifying share" : "verifying share or the dealer's commitment";
                    throw ProtocolFailure(
                        culprits.Count == 1
                            ? $"the signing share of participant {culprits[0]} does not match its {against}"
                            : $"the signing shares of participants {string.Join(", ", culprits)} do not match their {against}",
                        culprits);
                }

                // Every verifying share goes into the group's public key package (a non-signer's that does not decode is
                // a malformed file, not a culprit: it takes no part in this signature).
                var publicKeys = new FrostPublicKeyPackage(
                    suite, file.VerifyingShares.ToDictionary(p => Identifier(suite, p.Key), p => p.Value), file.GroupPublicKey, file.Threshold);
                byte[] signature = RunRounds(keyPackages, publicKeys, message);
                JsonOutput.WriteObject(stdout, w =>
                {
                    w.WriteHex("signature", signature);
                    w.WriteStartArray("signers");
                    foreach (int signer in signers)
                    {
                        w.WriteNumberValue(signer);
                    }

                    w.WriteEndArray();
                });
            }
            finally
            {
                foreach (FrostKeyPackage keyPackage in keyPackages)
                {
                    keyPackage.Dispose();
                }
            }
        }
        finally
        {
            file.Clear();
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The signer's key package when its signing share is a canonical scalar with sk_i B = PK_i and, with a
    /// commitment, passes vss_verify with PK_i equal to the commitment at i (RFC 9591 Appendix C.2); else null.
    /// </summary>
    private static FrostKeyPackage? CheckedKeyPackage(FrostCiphersuite suite, int signer, DealerFile file, FrostVssCommitment? commitment)
    {
        FrostIdentifier id = Identifier(suite, signer);
        byte[] share = file.SigningShares[signer];
        byte[] verifyingShare = file.VerifyingShares[signer];
        if (share.Length != suite.ScalarLength)
        {
            return null;
        }

        if (commitment is not null)
        {
            if (!commitment.GetVerifyingShare(id).AsSpan().SequenceEqual(verifyingShare))
            {
                return null;
            }

            try
            {
                using var secretShare = new FrostSecretShare(suite, id, share, commitment);
                if (!secretShare.Verify())
                {
                    return null;
                }
            }
            catch (FintechCryptoException)
            {
                return null; // not a canonical scalar
            }
        }

        try
        {
            // The library refuses a non-canonical share, an invalid verifying share, and sk_i B != PK_i.
            return new FrostKeyPackage(suite, id, share, verifyingShare, file.GroupPublicKey, file.Threshold);
        }
        catch (FintechCryptoException)
        {
            return null;
        }
    }

    /// <summary>Round one and round two for every signer, then aggregation with share verification (RFC 9591 §5.1-§5.4).</summary>
    private static byte[] RunRounds(List<FrostKeyPackage> keyPackages, FrostPublicKeyPackage publicKeys, byte[] message)
    {
        var nonces = new List<FrostSigningNonces>(keyPackages.Count);
        try
        {
            var commitments = new List<KeyValuePair<FrostIdentifier, FrostSigningCommitments>>(keyPackages.Count);
            foreach (FrostKeyPackage keyPackage in keyPackages)
            {
                (FrostSigningNonces n, FrostSigningCommitments c) = FrostParticipant.Commit(keyPackage);
                nonces.Add(n);
                commitments.Add(new(keyPackage.Identifier, c));
            }

            var package = new FrostSigningPackage(commitments, message);
            var shares = new List<KeyValuePair<FrostIdentifier, FrostSignatureShare>>(keyPackages.Count);
            for (int i = 0; i < keyPackages.Count; i++)
            {
                shares.Add(new(keyPackages[i].Identifier, FrostParticipant.Sign(package, nonces[i], keyPackages[i])));
            }

            return FrostCoordinator.Aggregate(package, shares, publicKeys);
        }
        catch (FrostProtocolException e)
        {
            // Identifiable abort (RFC 9591 §5.3): the library names every participant whose share failed §5.4.
            throw ProtocolFailure(e.Message, [.. e.Culprits.Select(c => (int)c.Value)]);
        }
        finally
        {
            foreach (FrostSigningNonces n in nonces)
            {
                n.Dispose();
            }
        }
    }

    private static CliException ProtocolFailure(string message, List<int> culprits) =>
        new(message, w =>
        {
            w.WriteStartArray("culprits");
            foreach (int culprit in culprits)
            {
                w.WriteNumberValue(culprit);
            }

            w.WriteEndArray();
        });

    private static FrostIdentifier Identifier(FrostCiphersuite suite, int id) => FrostIdentifier.FromInteger(suite, (ulong)id);

    /// <summary>The suite by its RFC 9591 context string, from the library's list (case-sensitive).</summary>
    private static FrostCiphersuite ResolveSuite(Arguments a)
    {
        string name = a.RequiredValue("suite");
        IReadOnlyList<FrostCiphersuite> all = FrostCiphersuite.All;
        foreach (FrostCiphersuite suite in all)
        {
            if (string.Equals(suite.Name, name, StringComparison.Ordinal))
            {
                return suite;
            }
        }

        throw new CliException(
            $"unknown FROST suite {Arguments.Describe(name)}; known: {string.Join(", ", all.Select(s => s.Name))} (names are case-sensitive)");
    }

    /// <summary>A decimal integer option from <paramref name="minimum"/> to 65535.</summary>
    private static int Integer(Arguments a, string name, int minimum)
    {
        string text = a.RequiredValue(name);
        if (!TryParseId(text, out int value) || value < minimum)
        {
            throw new CliException($"--{name} must be an integer from {minimum} to {MaxParticipants}");
        }

        return value;
    }

    /// <summary>--signers: distinct participant identifiers 1..65535, comma-separated; returned in ascending order.</summary>
    private static List<int> ParseSigners(string text)
    {
        var signers = new SortedSet<int>();
        string[] parts = text.Split(',');
        foreach (string part in parts)
        {
            if (!TryParseId(part, out int id))
            {
                throw new CliException("--signers must be participant identifiers from 1 to 65535, comma-separated (such as 1,3)");
            }

            if (!signers.Add(id))
            {
                throw new CliException($"participant {id} is named twice in --signers");
            }
        }

        return [.. signers];
    }

    /// <summary>A canonical decimal 1..65535: digits only, no sign, no leading zero.</summary>
    private static bool TryParseId(string text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 5 || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= MaxParticipants;
    }

    private static void Clear(byte[]? buffer)
    {
        if (buffer is not null)
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// A `frost dealer` output object read from --shares: hex decoded and sizes checked; the library's constructors
    /// decode the elements and scalars.
    /// </summary>
    /// <param name="signingShares">Secret: cleared by <see cref="Clear"/>. A share of the wrong length is kept for the
    /// culprit check.</param>
    private sealed class DealerFile(
        byte[] groupPublicKey, int threshold, List<byte[]>? commitments, SortedDictionary<int, byte[]> verifyingShares, SortedDictionary<int, byte[]> signingShares)
    {
        public byte[] GroupPublicKey => groupPublicKey;

        public int Threshold => threshold;

        public List<byte[]>? Commitments => commitments;

        public SortedDictionary<int, byte[]> VerifyingShares => verifyingShares;

        public SortedDictionary<int, byte[]> SigningShares => signingShares;

        public static DealerFile Read(string path, FrostCiphersuite suite)
        {
            using JsonDocument document = Parse(Arguments.ReadFile(path, "--shares"));
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("it is not a JSON object");
            }

            byte[] groupPublicKey = Bytes(suite, Property(root, "groupPublicKey"), "groupPublicKey", element: true);
            JsonElement thresholdJson = Property(root, "threshold");
            if (thresholdJson.ValueKind != JsonValueKind.Number || !thresholdJson.TryGetInt32(out int threshold) || threshold is < 2 or > MaxParticipants)
            {
                throw Malformed("'threshold' is not an integer from 2 to 65535");
            }

            List<byte[]>? commitments = root.TryGetProperty("commitments", out JsonElement commitmentsJson) && commitmentsJson.ValueKind != JsonValueKind.Null
                ? ReadCommitments(suite, commitmentsJson, threshold, groupPublicKey)
                : null;
            SortedDictionary<int, byte[]> verifyingShares = ReadShares(suite, Property(root, "verifyingShares"), "verifyingShares", elements: true);
            if (verifyingShares.Count < threshold)
            {
                throw Malformed($"it has {verifyingShares.Count} verifying share(s), fewer than the threshold {threshold}");
            }

            // A signing share of the wrong size is kept: it is that participant's fault (a culprit), not the file's.
            return new DealerFile(groupPublicKey, threshold, commitments, verifyingShares, ReadShares(suite, Property(root, "signingShares"), "signingShares", elements: false));
        }

        public void Clear() => ClearAll(signingShares);

        private static JsonDocument Parse(string text)
        {
            try
            {
                return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            }
            catch (JsonException e)
            {
                // The file holds signing shares: keep the line number only, not the parser's exception, whose message
                // quotes the input where parsing failed (issue 11).
                throw new CliException($"the --shares file is not valid JSON (line {e.LineNumber + 1}); it must hold a 'frost dealer' output object");
            }
        }

        private static List<byte[]> ReadCommitments(FrostCiphersuite suite, JsonElement json, int threshold, byte[] groupPublicKey)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                throw Malformed("'commitments' is not an array");
            }

            var commitments = new List<byte[]>();
            foreach (JsonElement item in json.EnumerateArray())
            {
                commitments.Add(Bytes(suite, item, $"commitments[{commitments.Count}]", element: true));
            }

            if (commitments.Count != threshold)
            {
                throw Malformed($"it has {commitments.Count} commitment(s); the threshold {threshold} needs as many");
            }

            return commitments[0].AsSpan().SequenceEqual(groupPublicKey) ? commitments : throw Malformed("its first commitment is not its groupPublicKey");
        }

        /// <summary>An object of hex strings by participant identifier; what was read is cleared when one fails.</summary>
        private static SortedDictionary<int, byte[]> ReadShares(FrostCiphersuite suite, JsonElement json, string name, bool elements)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                throw Malformed($"'{name}' is not an object");
            }

            var shares = new SortedDictionary<int, byte[]>();
            try
            {
                foreach (JsonProperty property in json.EnumerateObject())
                {
                    if (!TryParseId(property.Name, out int id))
                    {
                        throw Malformed($"a key of '{name}' is not a participant identifier from 1 to 65535");
                    }

                    string what = $"{name}[\"{id}\"]";
                    shares.Add(id, shares.ContainsKey(id) ? throw Malformed($"{what} appears twice") : Bytes(suite, property.Value, what, elements));
                }

                return shares;
            }
            catch
            {
                ClearAll(shares);
                throw;
            }
        }

        private static JsonElement Property(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) ? value : throw Malformed($"'{name}' is missing");

        /// <summary>A hex string; with <paramref name="element"/>, of the suite's element size.</summary>
        private static byte[] Bytes(FrostCiphersuite suite, JsonElement value, string what, bool element)
        {
            byte[] bytes = value.ValueKind == JsonValueKind.String
                ? Hex.Decode(value.GetString() ?? string.Empty, $"{what} in the --shares file")
                : throw Malformed($"{what} is not a hex string");
            return !element || bytes.Length == suite.ElementLength
                ? bytes
                : throw Malformed($"{what} must be {suite.ElementLength} bytes (a serialized {suite.Name} element), not {bytes.Length}");
        }

        private static void ClearAll(SortedDictionary<int, byte[]> shares)
        {
            foreach (byte[] share in shares.Values)
            {
                CryptographicOperations.ZeroMemory(share);
            }
        }

        private static CliException Malformed(string problem) => new($"the --shares file is not a 'frost dealer' output: {problem}");
    }
}
