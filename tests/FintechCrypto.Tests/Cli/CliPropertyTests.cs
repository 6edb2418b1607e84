using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FintechCrypto.Cli;

namespace FintechCrypto.Tests.Cli;

/// <summary>
/// Whatever the arguments, the command answers with exit 0, 1 or 2 and exactly one JSON object on stdout,
/// never an unhandled exception or a stack trace (cli.md, "Exit codes").
/// </summary>
public sealed class CliPropertyTests
{
    private static readonly string[] s_vocabulary =
    [
        "sign", "keygen", "verify", "wycheproof", "acvp", "kem", "frost", "encaps", "demo-x", "--alg", "--seed", "--sk",
        "--pk", "--msg", "--sig", "--ctx", "--deterministic", "--expected", "--sk-file", "--msg-file", "--seed-file",
        "--pk-file", "--sig-file", "--x-file", "-", "--", "---", "--alg=Ed25519",
        "dealer", "--suite", "--signers", "--shares", "--group-public-key", "--coefficients", "FROST-ED25519-SHA512-v1", "1,3", "1,1",
        "Ed25519", "ECDSA-P256-SHA256", "RSA-PSS-2048-SHA256", "ML-DSA-65", "SLH-DSA-SHA2-128s", "X-Wing", "ed25519",
        "", " ", "0x", "0X00", "00", "0", "abc", "zz", "ÿ", "\u0000", "\uFFFD", "\n",
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        new string('0', 128), new string('f', 64), "3059301306072a8648ce3d020106082a8648ce3d030107034200",
        "/", ".", "/dev/null", "/nonexistent/file.json", Path.GetTempPath(),
    ];

    private static Arbitrary<string[]> ArgumentLists()
    {
        Gen<string> word = Gen.Elements(s_vocabulary);
        Gen<string> random = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);
        Gen<string> hex = Gen.ArrayOf(Gen.Elements("0123456789abcdefABCDEF".ToCharArray())).Select(c => new string(c));
        Gen<string> token = Gen.OneOf(word, word, word, random, hex);
        Gen<string[]> tail = Gen.ArrayOf(token);
        Gen<string> head = Gen.OneOf(Gen.Elements("sign", "wycheproof", "acvp", "kem", "frost", "cms", "bench", "x"), random);
        Gen<string> sub = Gen.Elements("keygen", "sign", "verify", "x");
        Gen<string[]> signLike = tail.SelectMany(t => sub, (t, s) => new[] { "sign", s }.Concat(t).ToArray());
        Gen<string[]> any = head.SelectMany(h => tail, (h, t) => new[] { h }.Concat(t).ToArray());
        return Gen.OneOf(signLike, signLike, any, tail).ToArbitrary();
    }

    [Property(MaxTest = 300)]
    public Property AnyArguments_GiveOneJsonObjectAndAContractExitCode() =>
        Prop.ForAll(ArgumentLists(), args =>
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int code = CliApp.Run(args, stdout, stderr);
            CliRunner.AssertContract(code, stdout.ToString(), stderr.ToString());
        });

    [Property(MaxTest = 200)]
    public Property GarbageHex_IsBadInputOrAVerdict_NeverACrash() =>
        Prop.ForAll(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty).ToArbitrary(),
            Gen.Elements("Ed25519", "ECDSA-P256-SHA256", "RSA-PSS-2048-SHA256").ToArbitrary(),
            (garbage, alg) =>
            {
                foreach (string[] args in new[]
                {
                    new[] { "sign", "verify", "--alg", alg, "--pk", garbage, "--msg", "", "--sig", "" },
                    new[] { "sign", "verify", "--alg", alg, "--pk", "00", "--msg", garbage, "--sig", garbage },
                    new[] { "sign", "sign", "--alg", alg, "--sk", garbage, "--msg", "00" },
                })
                {
                    using var stdout = new StringWriter();
                    using var stderr = new StringWriter();
                    int code = CliApp.Run(args, stdout, stderr);
                    CliRunner.AssertContract(code, stdout.ToString(), stderr.ToString());
                }
            });
}
