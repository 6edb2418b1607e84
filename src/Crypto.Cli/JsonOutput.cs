using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FintechCrypto.Cli;

/// <summary>Writes the one JSON object of a call (cli.md: "exactly one JSON object on stdout per call").</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions s_options = new()
    {
        // The output goes to a terminal or a pipe, not into HTML: keep messages readable (still valid JSON).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one object whose members <paramref name="body"/> writes, followed by a newline.</summary>
    public static void WriteObject(TextWriter stdout, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, checked((int)stream.Length)));
        stdout.Write('\n');
    }

    /// <summary>Writes <c>{"error": message}</c>, followed by the fields <paramref name="details"/> writes, if any.</summary>
    public static void WriteError(TextWriter stdout, string message, Action<Utf8JsonWriter>? details = null) =>
        WriteObject(stdout, w =>
        {
            w.WriteString("error", message);
            details?.Invoke(w);
        });

    /// <summary>Writes one object whose members are byte strings in lowercase hex (<c>{"ciphertext", "sharedSecret"}</c>).</summary>
    public static void WriteHexObject(TextWriter stdout, params (string Name, byte[] Value)[] members) =>
        WriteObject(stdout, w =>
        {
            foreach ((string name, byte[] value) in members)
            {
                w.WriteHex(name, value);
            }
        });

    /// <summary>Writes a byte string member as lowercase hex.</summary>
    public static void WriteHex(this Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value) =>
        writer.WriteString(name, Hex.Encode(value));
}
