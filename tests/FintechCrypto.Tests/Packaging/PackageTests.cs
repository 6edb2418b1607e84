// The packages as a user receives them: `dotnet pack` into a temporary folder feed, the .nupkg inspected as a zip,
// then a fresh console app restores FintechCrypto 0.1.0 from that feed (nothing of this repository's build
// settings leaks into it) and runs; the tool package is installed with `dotnet tool install` and run.
// docs/packaging.md describes what each package must contain.

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace FintechCrypto.Tests.Packaging;

[Trait("Category", "Packaging")]
public sealed class PackageTests : IDisposable
{
    private const string Version = "0.1.0";
    private const string NuGetOrg = "https://api.nuget.org/v3/index.json";

    private readonly string _temp;

    public PackageTests()
    {
        _temp = Path.Combine(Path.GetTempPath(), "fintechcrypto-packaging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_temp);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder left behind does not change any result.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [Fact]
    public void LibraryPackage_HasTheRequiredContents_AndWorksInAFreshConsoleApp()
    {
        string feed = Path.Combine(_temp, "feed");
        Pack("src/Crypto/FintechCrypto.csproj", feed, Path.Combine(_temp, "artifacts"));

        // Exactly the package and its symbols package.
        string[] produced = Directory.GetFiles(feed).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(new[] { $"FintechCrypto.{Version}.nupkg", $"FintechCrypto.{Version}.snupkg" }, produced);
        string nupkg = Path.Combine(feed, $"FintechCrypto.{Version}.nupkg");

        using (ZipArchive zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            string listing = string.Join(Environment.NewLine, entries.OrderBy(e => e, StringComparer.Ordinal));
            foreach (string required in new[]
            {
                "FintechCrypto.nuspec", "README.md",
                "lib/net10.0/FintechCrypto.dll", "lib/net10.0/FintechCrypto.xml",
                "lib/net10.0/FintechCrypto.Native.dll", "lib/net10.0/FintechCrypto.Native.xml",
            })
            {
                Assert.True(entries.Contains(required), $"{required} missing from the package:{Environment.NewLine}{listing}");
            }

            // Nothing else under lib/: no test helpers, no copy of BouncyCastle, no pdbs (those are in the .snupkg).
            string[] lib = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal).ToArray();
            Assert.Equal(
                new[] { "lib/net10.0/FintechCrypto.Native.dll", "lib/net10.0/FintechCrypto.Native.xml", "lib/net10.0/FintechCrypto.dll", "lib/net10.0/FintechCrypto.xml" },
                lib);

            // The XML docs are real documentation, not an empty shell.
            Assert.Contains("<member name=\"T:FintechCrypto.SigningKey\">", ReadEntry(zip, "lib/net10.0/FintechCrypto.xml"), StringComparison.Ordinal);
            Assert.Contains("<assembly>", ReadEntry(zip, "lib/net10.0/FintechCrypto.Native.xml"), StringComparison.Ordinal);

            XDocument nuspec = XDocument.Parse(ReadEntry(zip, "FintechCrypto.nuspec"));
            XNamespace ns = nuspec.Root!.Name.Namespace;
            XElement metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("FintechCrypto", metadata.Element(ns + "id")?.Value);
            Assert.Equal(Version, metadata.Element(ns + "version")?.Value);
            Assert.Equal("FintechCrypto contributors", metadata.Element(ns + "authors")?.Value);
            XElement? license = metadata.Element(ns + "license");
            Assert.Equal("expression", license?.Attribute("type")?.Value);
            Assert.Equal("MIT", license?.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
            XElement? repository = metadata.Element(ns + "repository");
            Assert.Equal("git", repository?.Attribute("type")?.Value);
            Assert.StartsWith("https://", repository?.Attribute("url")?.Value ?? string.Empty, StringComparison.Ordinal);

            // The only dependency is BouncyCastle.Cryptography; FintechCrypto.Native is inside, not a dependency.
            string[] dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToArray();
            Assert.Equal(new[] { "BouncyCastle.Cryptography" }, dependencies);
        }

        using (ZipArchive symbols = ZipFile.OpenRead(Path.Combine(feed, $"FintechCrypto.{Version}.snupkg")))
        {
            var entries = symbols.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("lib/net10.0/FintechCrypto.pdb", entries);
            Assert.Contains("lib/net10.0/FintechCrypto.Native.pdb", entries);
        }

        // Deterministic: packing the same build again gives the same bytes.
        string again = Path.Combine(_temp, "again");
        Pack("src/Crypto/FintechCrypto.csproj", again, Path.Combine(_temp, "artifacts"), "--no-build");
        Assert.Equal(File.ReadAllBytes(nupkg), File.ReadAllBytes(Path.Combine(again, $"FintechCrypto.{Version}.nupkg")));

        // A fresh console app that references the package, restored with an empty package cache.
        string app = Path.Combine(_temp, "app");
        Directory.CreateDirectory(app);
        WriteIsolation(app, feed);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FintechCrypto" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);

        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_temp, "packages") };
        string output = Path.Combine(app, "out");
        CommandResult build = DotnetCommand.Dotnet(app, environment, "build", "-c", "Release", "-o", output, "--disable-build-servers", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Describe());

        // The package that was restored is the one just packed, taken from the temporary feed.
        Assert.True(
            File.Exists(Path.Combine(_temp, "packages", "fintechcrypto", Version, $"fintechcrypto.{Version}.nupkg")),
            "FintechCrypto was not restored into the isolated package folder." + Environment.NewLine + build.Describe());
        Assert.True(File.Exists(Path.Combine(output, "FintechCrypto.Native.dll")), "FintechCrypto.Native.dll was not deployed with the app." + Environment.NewLine + build.Describe());
        Assert.True(File.Exists(Path.Combine(output, "BouncyCastle.Cryptography.dll")), "The BouncyCastle dependency was not deployed." + Environment.NewLine + build.Describe());

        CommandResult run = DotnetCommand.Dotnet(app, environment, Path.Combine(output, "Consumer.dll"));
        Assert.True(run.ExitCode == 0, run.Describe());
        string[] lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 2, run.Describe());
        Assert.Equal($"native: FintechCrypto.Native {Version}.0", lines[^2]);
        Assert.Equal("OK", lines[^1]);
    }

    [Fact]
    public void ToolPackage_InstallsWithDotnetTool_AndGeneratesAnEd25519Key()
    {
        string feed = Path.Combine(_temp, "feed");
        Pack("src/Crypto.Cli/FintechCrypto.Cli.csproj", feed, Path.Combine(_temp, "artifacts"));

        string nupkg = Path.Combine(feed, $"FintechCrypto.Cli.{Version}.nupkg");
        Assert.True(File.Exists(nupkg), string.Join(Environment.NewLine, Directory.GetFiles(feed)));
        using (ZipArchive zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            string listing = string.Join(Environment.NewLine, entries.OrderBy(e => e, StringComparer.Ordinal));
            foreach (string required in new[]
            {
                "tools/net10.0/any/DotnetToolSettings.xml", "tools/net10.0/any/FintechCrypto.dll", "tools/net10.0/any/FintechCrypto.Native.dll",
                "tools/net10.0/any/FintechCrypto.Testing.dll", "tools/net10.0/any/BouncyCastle.Cryptography.dll",
            })
            {
                Assert.True(entries.Contains(required), $"{required} missing from the tool package:{Environment.NewLine}{listing}");
            }

            // DotnetToolSettings.xml names the command and its entry point, which must be in the package.
            XElement toolCommand = XDocument.Parse(ReadEntry(zip, "tools/net10.0/any/DotnetToolSettings.xml")).Descendants("Command").Single();
            Assert.Equal("fintechcrypto", (string?)toolCommand.Attribute("Name"));
            Assert.Equal("dotnet", (string?)toolCommand.Attribute("Runner"));
            string entryPoint = "tools/net10.0/any/" + (string?)toolCommand.Attribute("EntryPoint");
            Assert.True(entries.Contains(entryPoint), $"{entryPoint} missing from the tool package:{Environment.NewLine}{listing}");
            XDocument nuspec = XDocument.Parse(ReadEntry(zip, "FintechCrypto.Cli.nuspec"));
            XNamespace ns = nuspec.Root!.Name.Namespace;
            Assert.Equal(Version, nuspec.Descendants(ns + "version").Single().Value);
            Assert.Contains(nuspec.Descendants(ns + "packageType"), t => (string?)t.Attribute("name") == "DotnetTool");
            Assert.Empty(nuspec.Descendants(ns + "dependency"));
        }

        string toolPath = Path.Combine(_temp, "tool");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_temp, "packages") };
        CommandResult install = DotnetCommand.Dotnet(
            _temp, environment, "tool", "install", "--tool-path", toolPath, "--add-source", feed, "FintechCrypto.Cli", "--version", Version);
        Assert.True(install.ExitCode == 0, install.Describe());

        string command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "fintechcrypto.exe" : "fintechcrypto");
        CommandResult keygen = DotnetCommand.Run(command, _temp, null, "sign", "keygen", "--alg", "Ed25519");
        Assert.True(keygen.ExitCode == 0, keygen.Describe());

        // cli.md: exactly one JSON object on stdout, {"publicKey", "privateKey", "seed"}; for Ed25519 the private key
        // and the seed are the RFC 8032 32-byte private key and the public key is the raw 32-byte key.
        byte[] publicKey, privateKey;
        using (JsonDocument json = ParseJson(keygen))
        {
            publicKey = Convert.FromHexString(json.RootElement.GetProperty("publicKey").GetString()!);
            privateKey = Convert.FromHexString(json.RootElement.GetProperty("privateKey").GetString()!);
            Assert.Equal(32, publicKey.Length);
            Assert.Equal(32, privateKey.Length);
            if (json.RootElement.TryGetProperty("seed", out JsonElement seed))
            {
                Assert.Equal(privateKey, Convert.FromHexString(seed.GetString()!));
            }
        }

        // The pair is consistent: the library derives the same public key, and a signature made by the installed
        // tool verifies under it.
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        Assert.Equal(publicKey, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        byte[] message = System.Text.Encoding.UTF8.GetBytes("pacs.008 credit transfer");
        CommandResult sign = DotnetCommand.Run(
            command, _temp, null, "sign", "sign", "--alg", "Ed25519", "--sk", Convert.ToHexStringLower(privateKey), "--msg", Convert.ToHexStringLower(message));
        Assert.True(sign.ExitCode == 0, sign.Describe());
        using (JsonDocument json = ParseJson(sign))
        {
            byte[] signature = Convert.FromHexString(json.RootElement.GetProperty("signature").GetString()!);
            using VerificationKey verifier = VerificationKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
            Assert.True(verifier.Verify(message, signature), sign.Describe());
        }
    }

    private static void Pack(string project, string output, string artifacts, params string[] extra)
    {
        string root = DotnetCommand.RepositoryRoot;
        var arguments = new List<string>
        {
            "pack", Path.Combine(root, project), "-c", "Release", "-o", output, "--artifacts-path", artifacts,
            $"-p:Version={Version}", "--disable-build-servers", "-nodeReuse:false",
        };
        arguments.AddRange(extra);
        CommandResult pack = DotnetCommand.Dotnet(root, null, arguments.ToArray());
        Assert.True(pack.ExitCode == 0, pack.Describe());
    }

    /// <summary>Keeps the repository's build settings and package sources out of a folder under the temp dir.</summary>
    private static void WriteIsolation(string folder, string feed)
    {
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="fintechcrypto-feed" value="{feed}" />
                <add key="nuget.org" value="{NuGetOrg}" />
              </packageSources>
            </configuration>
            """);
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in the package.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static JsonDocument ParseJson(CommandResult result)
    {
        try
        {
            return JsonDocument.Parse(result.StandardOutput);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not one JSON object ({e.Message}){Environment.NewLine}{result.Describe()}");
        }
    }

    private const string ConsumerProgram = """
        using System;
        using System.Reflection;
        using System.Security.Cryptography;
        using System.Text;
        using FintechCrypto;

        byte[] message = Encoding.UTF8.GetBytes("<Document><FIToFICstmrCdtTrf>pacs.008</FIToFICstmrCdtTrf></Document>");

        using SigningKey signingKey = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        byte[] signature = signingKey.Sign(message);
        bool verified = signingKey.PublicKey.Verify(message, signature);
        byte[] tampered = (byte[])message.Clone();
        tampered[0] ^= 1;
        bool tamperedRejected = !signingKey.PublicKey.Verify(tampered, signature);

        using AeadKey aeadKey = AeadKey.Generate(AeadAlgorithm.Aes256Gcm);
        byte[] nonce = RandomNumberGenerator.GetBytes(AeadAlgorithm.Aes256Gcm.NonceSize);
        byte[] associatedData = Encoding.UTF8.GetBytes("msg-id-1");
        byte[] sealedMessage = aeadKey.Encrypt(nonce, message, associatedData);
        bool roundTrip = aeadKey.TryDecrypt(nonce, sealedMessage, associatedData, out byte[]? opened) && opened.AsSpan().SequenceEqual(message)
            && sealedMessage.Length == message.Length + AeadAlgorithm.Aes256Gcm.TagSize;
        sealedMessage[0] ^= 1;
        bool forgeryRejected = !aeadKey.TryDecrypt(nonce, sealedMessage, associatedData, out _);

        AssemblyName native = Assembly.Load(new AssemblyName("FintechCrypto.Native")).GetName();
        Console.WriteLine($"native: {native.Name} {native.Version}");

        if (verified && tamperedRejected && roundTrip && forgeryRejected)
        {
            Console.WriteLine("OK");
            return 0;
        }

        Console.WriteLine($"FAIL verified={verified} tamperedRejected={tamperedRejected} roundTrip={roundTrip} forgeryRejected={forgeryRejected}");
        return 1;
        """;
}
