// QkdKeyContainer: the keys one request returned (ETSI GS QKD 014 §6.3 Key container).

using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Qkd;

/// <summary>
/// The keys one key-source request returned, in order (ETSI GS QKD 014 "Key container"). Disposing of the container
/// clears every key in it.
/// </summary>
public sealed class QkdKeyContainer : IDisposable
{
    /// <summary>Creates a container that owns the given keys.</summary>
    /// <param name="keys">The keys, in the order the source delivered them.</param>
    /// <param name="keyContainerExtension">The optional <c>key_container_extension</c> object, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> or one of its items is null.</exception>
    public QkdKeyContainer(IReadOnlyList<QkdKey> keys, JsonElement? keyContainerExtension = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var copy = new QkdKey[keys.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = keys[i] ?? throw Error.ArgumentNull(nameof(keys));
        }

        Keys = copy;
        KeyContainerExtension = keyContainerExtension?.Clone();
    }

    /// <summary>The keys, in the order the source delivered them.</summary>
    public IReadOnlyList<QkdKey> Keys { get; }

    /// <summary>The <c>key_container_extension</c> the key source sent, if any.</summary>
    public JsonElement? KeyContainerExtension { get; }

    /// <summary>Clears every key in the container.</summary>
    public void Dispose()
    {
        foreach (QkdKey key in Keys)
        {
            key.Dispose();
        }
    }

    /// <summary>The number of keys; never key bytes.</summary>
    /// <returns>A description such as <c>QkdKeyContainer(2 keys)</c>.</returns>
    public override string ToString() => $"QkdKeyContainer({Keys.Count} keys)";
}
