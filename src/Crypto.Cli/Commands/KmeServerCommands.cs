using System.IO;

namespace FintechCrypto.Cli.Commands;

/// <summary>Scaffolding: replaced by the KME Server commands.</summary>
internal static class KmeServerCommands
{
    public static int InitPki(string[] args, TextWriter stdout, TextWriter stderr) => throw CliException.NotImplemented("kme");

    public static int Serve(string[] args, TextWriter stdout, TextWriter stderr) => throw CliException.NotImplemented("kme");

}
