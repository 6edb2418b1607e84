using System;

namespace FintechCrypto.Cli;

/// <summary>The entry point of the <c>fintechcrypto</c> command; everything happens in <see cref="CliApp"/>.</summary>
internal static class Program
{
    private static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
