// The one table of the `fintechcrypto` command: every command of cli.md (docs/cli-contract.md), in its order, with its
// options. The parser (System.CommandLine), `--help`, tab completion and the command-line error messages are all made
// from it; a command's code only asks its parsed options for values (Arguments).

using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Cli.Commands;
using FintechCrypto.Threshold;

namespace FintechCrypto.Cli;

/// <summary>Every command of the contract with its options.</summary>
internal static class CommandTable
{
    /// <summary>The KEM names of cli.md.</summary>
    public static readonly IReadOnlyList<string> KemNames = ["ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X-Wing"];

    /// <summary>The signature names of cli.md.</summary>
    public static readonly IReadOnlyList<string> SignatureNames =
    [
        "Ed25519", "ECDSA-P256-SHA256", "RSA-PSS-2048-SHA256", "RSA-PSS-3072-SHA256", "RSA-PSS-4096-SHA256",
        "ML-DSA-44", "ML-DSA-65", "ML-DSA-87",
        .. new[] { "SHA2", "SHAKE" }.SelectMany(h => new[] { "128s", "128f", "192s", "192f", "256s", "256f" }.Select(p => $"SLH-DSA-{h}-{p}")),
    ];

    /// <summary>The RFC 9474 variants of cli.md.</summary>
    public static readonly IReadOnlyList<string> BlindRsaVariants =
    [
        "RSABSSA-SHA384-PSS-Randomized", "RSABSSA-SHA384-PSSZERO-Randomized", "RSABSSA-SHA384-PSS-Deterministic", "RSABSSA-SHA384-PSSZERO-Deterministic",
    ];

    private static readonly OptionSpec s_kemAlg = Required("alg", "ALG", "the KEM", KemNames);
    private static readonly OptionSpec s_signatureAlg = Required("alg", "ALG", "the signature algorithm", SignatureNames);
    private static readonly OptionSpec s_context = Hex("ctx", "the context string, 0-255 bytes (ML-DSA, SLH-DSA)");
    private static readonly OptionSpec s_frostSuite = Required("suite", "S", "the RFC 9591 ciphersuite", [.. FrostCiphersuite.All.Select(s => s.Name)]);
    private static readonly OptionSpec s_variant = Required("variant", "V", "the RFC 9474 variant", BlindRsaVariants);
    private static readonly OptionSpec s_spki = Hex("pk", "SubjectPublicKeyInfo DER", required: true);
    private static readonly OptionSpec s_pkcs8 = Hex("sk", "PKCS#8 DER", required: true);
    private static readonly OptionSpec s_modulus = Hex("n", "the modulus", required: true);
    private static readonly OptionSpec s_in = Required("in", "FILE", "the file to read");
    private static readonly OptionSpec s_out = Required("out", "FILE", "the file to write");

    /// <summary>The commands, groups before their members, each: words, handler, what it does and prints; options.</summary>
    public static readonly IReadOnlyList<CommandSpec> Commands =
    [
        Command("demo", DemoCommand.Run, "An end-to-end tour of the library, each capability once; prints {\"steps\": [{\"name\", \"ok\"}, ...]}, exit 0 only if every step is ok."),
        Command("acvp", VectorCommands.Acvp, "Runs an ACVP internalProjection.json (or a prompt.json with --expected); prints {\"passed\", \"failed\", \"skipped\"}, exit 1 when a case fails.",
            Argument("FILE.json", "the ACVP vector file"), Value("expected", "expectedResults.json", "the expected results of a prompt.json")),
        Command("wycheproof", VectorCommands.Wycheproof, "Runs a Wycheproof testvectors_v1 file; prints {\"passed\", \"failed\", \"skipped\"}, exit 1 when a case fails.",
            Argument("FILE.json", "the Wycheproof vector file")),

        Group("kem", "Key encapsulation: ML-KEM (FIPS 203) and X-Wing."),
        Command("kem keygen", Out(KemCommands.Keygen), "Generates a key pair; prints {\"encapsulationKey\", \"decapsulationKey\", \"seed\"}.",
            s_kemAlg, Hex("seed", "ML-KEM: FIPS 203's 64-byte d || z; X-Wing: its 32-byte private key")),
        Command("kem encaps", Out(KemCommands.Encaps), "Encapsulates a shared secret to an encapsulation key; prints {\"ciphertext\", \"sharedSecret\"}.",
            s_kemAlg, Hex("ek", "the encapsulation key", required: true), Hex("entropy", "tests only: ML-KEM's 32-byte m, X-Wing's 64-byte eseed")),
        Command("kem decaps", Out(KemCommands.Decaps), "Decapsulates a ciphertext; prints {\"sharedSecret\"}.",
            s_kemAlg, Hex("dk", "the decapsulation key, or its seed", required: true), Hex("ct", "the ciphertext", required: true)),

        Group("sign", "Signatures: Ed25519, ECDSA P-256, RSA-PSS, ML-DSA (FIPS 204), SLH-DSA (FIPS 205)."),
        Command("sign keygen", Out(SignCommands.Keygen), "Generates a key pair; prints {\"publicKey\", \"privateKey\", \"seed\"?}.",
            s_signatureAlg, Hex("seed", "ML-DSA: the 32-byte xi; SLH-DSA: SK.seed || SK.prf || PK.seed; Ed25519: the private key")),
        Command("sign sign", Out(SignCommands.Sign), "Signs a message; prints {\"signature\"}.",
            s_signatureAlg, Hex("sk", "the private key (ML-DSA, SLH-DSA: or its seed)", required: true), Message(), s_context,
            Flag("deterministic", "the deterministic variant (ML-DSA, SLH-DSA, ECDSA's RFC 6979 nonce)")),
        Command("sign verify", Out(SignCommands.Verify), "Verifies a signature; prints {\"valid\": true|false}.",
            s_signatureAlg, Hex("pk", "the public key", required: true), Message(), Signature(), s_context),

        Group("frost", "Threshold signatures: FROST (RFC 9591)."),
        Command("frost dealer", Out(FrostCommands.Dealer), "Splits a key with a trusted dealer; prints {\"groupPublicKey\", \"threshold\", \"commitments\", \"verifyingShares\", \"signingShares\"}.",
            s_frostSuite, Required("threshold", "T", "the signers a signature needs, 2 or more"), Required("participants", "N", "the participants, T or more"),
            Hex("secret", "RFC 9591 Appendix C's group secret key (random without it)"),
            Hex("coefficients", "RFC 9591 Appendix C's T-1 polynomial coefficients after the secret (with --secret)", helpName: "HEX,HEX,...")),
        Command("frost sign", Out(FrostCommands.Sign), "Runs both rounds for the named signers and aggregates; prints {\"signature\", \"signers\"}.",
            s_frostSuite, Hex("group-public-key", "the group public key", required: true), Required("shares", "FILE", "a 'frost dealer' output object"),
            Required("signers", "1,3,...", "the signers' identifiers"), Message()),

        LaterGroup("blindrsa", "Blind RSA signatures (RFC 9474)."),
        Later("blindrsa keygen", Required("bits", "2048|3072|4096", "the modulus size")),
        Later("blindrsa blind", s_variant, s_spki, Message()),
        Later("blindrsa sign", s_variant, s_pkcs8, Hex("blinded", "the blinded message", required: true)),
        Later("blindrsa finalize", s_variant, s_spki, Hex("prepared", "the prepared message", required: true), Hex("blind-sig", "the blind signature", required: true),
            Hex("inv", "the blinding inverse", required: true)),
        Later("blindrsa verify", s_variant, s_spki, Message(), Signature()),

        LaterGroup("paillier", "Homomorphic sums (Paillier)."),
        Later("paillier keygen", Required("bits", "2048|3072", "the modulus size")),
        Later("paillier encrypt", s_modulus, Hex("m", "the plaintext", required: true)),
        Later("paillier add", s_modulus, Repeated("c", "HEX", "a ciphertext"), Value("cs-file", "FILE", "the ciphertexts, one hex a line")),
        Later("paillier decrypt", s_modulus, Hex("lambda", "lambda", required: true), Hex("mu", "mu", required: true), Hex("c", "the ciphertext", required: true)),

        Group("kme", "QKD: the ETSI GS QKD 014 KME simulator and the library's 014 client."),
        Command("kme init-pki", KmeServerCommands.InitPki, "Writes a test CA, a KME certificate and one client certificate per SAE; prints {\"ca\", \"kme\", \"saes\"}.",
            Required("out", "DIR", "the folder to write"), Repeated("sae", "ID", "an SAE ID: 1-64 characters of A-Z a-z 0-9 _ -", required: true),
            Value("host", "HOST", "the KME's host name or IP address (127.0.0.1)")),
        Command("kme serve", KmeServerCommands.Serve, "Runs the KME simulator (one KME, or both ends of a link with two --listen) until SIGINT/SIGTERM; prints {\"listening\": [...]} when ready.",
            Repeated("listen", "HOST:PORT", "an address to listen on (port 0: a free port)", required: true), Repeated("kme-id", "ID", "the KME ID of each --listen", required: true),
            Required("cert", "PFX", "the KME's server certificate, a PFX without password"), Required("client-ca", "PEM", "the CA of the SAEs' client certificates"),
            Value("key-rate", "BITS/S", "the link's key rate (0: unlimited)"), Value("max-keys", "N", "the keys the link stores"), Value("key-size", "BITS", "the default key size")) with { Streaming = true },
        Command("kme status", KmeClientCommands.Status, "ETSI 014 Get status; prints the 014 Status object.",
            [KmeUrl(), Required("slave-sae", "ID", "the slave SAE"), .. KmeClientTls()]),
        Command("kme enc-keys", KmeClientCommands.EncKeys, "ETSI 014 Get key (POST); prints the 014 Key container.",
            [KmeUrl(), Required("slave-sae", "ID", "the slave SAE"), Required("number", "N", "how many keys"), Required("size", "BITS", "the key size, a multiple of 8"), .. KmeClientTls()]),
        Command("kme dec-keys", KmeClientCommands.DecKeys, "ETSI 014 Get key with key IDs (POST); prints the 014 Key container.",
            [KmeUrl(), Required("master-sae", "ID", "the master SAE"), Repeated("key-id", "UUID", "a key ID", required: true), .. KmeClientTls()]),

        LaterGroup("cms", "Messages (CMS)."),
        Later("cms sign", s_signatureAlg, s_pkcs8, Value("cert", "PEM-FILE", "the signer's certificate"), s_in, s_out, Flag("detached", "leaves the content out")),
        Later("cms verify", s_in, Value("content", "FILE", "the detached content"), Value("trust", "PEM-FILE", "the trusted certificates"),
            Value("alg", "ALG", "the signer's algorithm", SignatureNames), Hex("pk", "the signer's SubjectPublicKeyInfo DER")),
        Later("cms encrypt", Repeated("cert", "PEM-FILE", "a recipient certificate"), Repeated("recipient-alg", "ALG", "a raw recipient key's algorithm", values: KemNames),
            Repeated("recipient-pk", "HEX", "a raw recipient key, SubjectPublicKeyInfo DER"), Flag("cbc", "EnvelopedData with AES-256-CBC instead of AES-256-GCM"), s_in, s_out),
        Later("cms decrypt", s_pkcs8, Value("alg", "ALG", "the key's algorithm"), Value("cert", "PEM-FILE", "the recipient's certificate"), s_in, s_out),

        Later("bench", Value("profile", "PROFILE", "the financial-volume profile", ["cards", "payments", "bulk", "tokens", "settlement", "approvals", "all"]),
            Flag("quick", "a short run"), Value("out", "DIR", "the report's folder"), Value("compare", "OLD.json", "an earlier run's JSON report")),
    ];

    /// <summary>The commands that run (not the groups, not those of a later release), as <c>--help</c> lists them.</summary>
    public static IEnumerable<CommandSpec> Implemented => Commands.Where(c => c.Run is not null);

    /// <summary>The commands one word below <paramref name="group"/> (none: it is not a group).</summary>
    public static IReadOnlyList<CommandSpec> Members(CommandSpec group) =>
        [.. Commands.Where(c => c.Words.Length == group.Words.Length + 1 && c.Path.StartsWith(group.Path + " ", StringComparison.Ordinal))];

    /// <summary>The commands with no members, below <paramref name="group"/> (all of them for null, the root).</summary>
    public static IEnumerable<CommandSpec> Leaves(CommandSpec? group) =>
        Commands.Where(c => Members(c).Count == 0 && (group is null || c.Path.StartsWith(group.Path + " ", StringComparison.Ordinal)));

    private static CommandSpec Command(string path, CommandHandler run, string description, params OptionSpec[] options) =>
        new(path, description, run, options);

    private static CommandSpec Group(string path, string description) => new(path, description, null, []);

    /// <summary>A command of a later release: listed with its documented options, answers "not implemented yet" (CliApp).</summary>
    private static CommandSpec Later(string path, params OptionSpec[] options) =>
        new(path, "Not implemented yet in this release (cli.md documents it for a later one).", null, options, Later: true);

    private static CommandSpec LaterGroup(string path, string description) =>
        new(path, description + " Not implemented yet (cli.md names it for a later release).", null, [], Later: true);

    /// <summary>A handler that writes no text for people.</summary>
    private static CommandHandler Out(Func<Arguments, System.IO.TextWriter, int> run) => (a, stdout, _) => run(a, stdout);

    private static OptionSpec Required(string name, string helpName, string description, IReadOnlyList<string>? values = null) =>
        new(name, OptionKind.Value, helpName, description, Required: true, Values: values);

    private static OptionSpec Value(string name, string helpName, string description, IReadOnlyList<string>? values = null) =>
        new(name, OptionKind.Value, helpName, description, Values: values);

    private static OptionSpec Hex(string name, string description, bool required = false, string helpName = "HEX") =>
        new(name, OptionKind.Hex, helpName, description, required);

    private static OptionSpec Flag(string name, string description) => new(name, OptionKind.Flag, "", description);

    private static OptionSpec Repeated(string name, string helpName, string description, bool required = false, IReadOnlyList<string>? values = null) =>
        new(name, OptionKind.Repeated, helpName, description, required, values);

    private static OptionSpec Argument(string helpName, string description) => new("file", OptionKind.Argument, helpName, description, Required: true);

    private static OptionSpec Message() => Hex("msg", "the message", required: true);

    private static OptionSpec Signature() => Hex("sig", "the signature", required: true);

    private static OptionSpec KmeUrl() => Required("kme", "URL", "the KME, https://HOST:PORT");

    /// <summary>The TLS options every ETSI 014 client command has (cli.md: <c>--cert</c>, with <c>--key</c> for PEM, and <c>--ca</c>).</summary>
    private static OptionSpec[] KmeClientTls() =>
    [
        Value("cert", "PFX", "the calling SAE's client certificate: a PFX, or a PEM certificate with --key"),
        Value("key", "PATH", "the PEM private key of a PEM --cert"),
        Value("ca", "PEM", "the KME's CA"),
    ];
}
