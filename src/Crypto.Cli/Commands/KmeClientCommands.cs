using System.IO;

namespace FintechCrypto.Cli.Commands;

/// <summary>Scaffolding: replaced by the KME Client commands.</summary>
internal static class KmeClientCommands
{
    public static int Status(string[] args, TextWriter stdout, TextWriter stderr) => throw CliException.NotImplemented("kme");

    public static int EncKeys(string[] args, TextWriter stdout, TextWriter stderr) => throw CliException.NotImplemented("kme");

    public static int DecKeys(string[] args, TextWriter stdout, TextWriter stderr) => throw CliException.NotImplemented("kme");

}
