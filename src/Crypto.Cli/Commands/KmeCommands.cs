using System.IO;

namespace FintechCrypto.Cli.Commands;

/// <summary>
/// <c>fintechcrypto kme ...</c> (cli.md "QKD"): the KME simulator's commands (<c>init-pki</c>, <c>serve</c>) and the
/// library's ETSI GS QKD 014 client (<c>status</c>, <c>enc-keys</c>, <c>dec-keys</c>).
/// </summary>
internal static class KmeCommands
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string sub = args.Length > 1 ? args[1] : "";
        return sub switch
        {
            "init-pki" => KmeServerCommands.InitPki(args, stdout, stderr),
            "serve" => KmeServerCommands.Serve(args, stdout, stderr),
            "status" => KmeClientCommands.Status(args, stdout, stderr),
            "enc-keys" => KmeClientCommands.EncKeys(args, stdout, stderr),
            "dec-keys" => KmeClientCommands.DecKeys(args, stdout, stderr),
            _ => throw new CliException($"unknown kme command {Arguments.Describe(sub)}; expected init-pki, serve, status, enc-keys or dec-keys"),
        };
    }
}
