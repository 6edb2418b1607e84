using System;
using System.IO;

namespace FintechCrypto.Tests.Cli;

/// <summary>A temporary file holding some content (<see cref="CliRunner.TempFile"/>), deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    internal TempFile(string content)
    {
        Path = CliRunner.TempFile(content);
    }

    internal string Path { get; }

    public void Dispose() => File.Delete(Path);
}
