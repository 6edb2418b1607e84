using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace FintechCrypto.Tests.Interop;

/// <summary>Runs the <c>openssl</c> command in a private temporary directory.</summary>
internal sealed class OpenSsl : IDisposable
{
    public OpenSsl()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"fc-openssl-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Write(string name, byte[] content) => File.WriteAllBytes(PathOf(name), content);

    public byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Runs openssl; a missing openssl fails the test (CI installs it), it is never skipped.</summary>
    public (int ExitCode, string Output) Run(params string[] args)
    {
        var info = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"The 'openssl' command is required by the OpenSSL interop tests but could not be started ({e.Message}). Install OpenSSL 3 and put it on the PATH.");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }

    /// <summary>Runs openssl and asserts success.</summary>
    public string Ok(params string[] args)
    {
        (int code, string output) = Run(args);
        Assert.True(code == 0, $"openssl {string.Join(' ', args)} failed ({code}): {output}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
