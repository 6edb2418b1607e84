using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The suites the key-generation tests run over, named by their Zcash Foundation vector folder
/// (../shared/vectors/frost/zcashfoundation/&lt;name&gt;), and the reading of those vector files; the list is
/// <see cref="FrostTestSuites.All"/>, so a suite added there is tested here too.
/// </summary>
internal static class KeyGenSuites
{
    internal static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach ((_, _, string folder) in FrostTestSuites.All)
            {
                data.Add(folder);
            }

            return data;
        }
    }

    internal static FrostCiphersuite Ciphersuite(string name) =>
        FrostTestSuites.All.FirstOrDefault(s => s.ZcashFolder == name).Suite
        ?? throw new ArgumentException($"No suite for {name}.", nameof(name));

    internal static FrostSuite Get(string name) => Ciphersuite(name).Suite;

    internal static string VectorPath(string name, string file) =>
        Testing.VectorFiles.Resolve($"frost/zcashfoundation/{name}/{file}");

    /// <summary>The vector file <paramref name="file"/> of suite folder <paramref name="name"/>, parsed.</summary>
    internal static JsonDocument LoadVector(string name, string file) => JsonDocument.Parse(File.ReadAllText(VectorPath(name, file)));

    /// <summary>The hex scalar <paramref name="property"/> of a vector object, decoded in the suite's byte order.</summary>
    internal static Scalar ReadScalar(ScalarField field, JsonElement obj, string property) =>
        field.Decode(Hex.Decode(obj.GetProperty(property).GetString()!), property);
}
