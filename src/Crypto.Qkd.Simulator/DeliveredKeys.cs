// DeliveredKeys: copies of keys on their way out of the simulator, in pinned arrays cleared on Dispose.

using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>Keys an operation hands out, in request order; the owner serialises them and then disposes (clears) them.</summary>
internal sealed class DeliveredKeys : IDisposable
{
    private readonly List<(Guid KeyId, byte[] Key)> _keys;

    internal DeliveredKeys(int capacity)
    {
        _keys = new List<(Guid, byte[])>(capacity);
    }

    internal int Count => _keys.Count;

    internal Guid KeyId(int index) => _keys[index].KeyId;

    internal ReadOnlySpan<byte> Key(int index) => _keys[index].Key;

    /// <summary>Adds a copy of <paramref name="key"/> in a fresh pinned array.</summary>
    internal void Add(Guid keyId, ReadOnlySpan<byte> key)
    {
        byte[] copy = GC.AllocateArray<byte>(key.Length, pinned: true);
        key.CopyTo(copy);
        _keys.Add((keyId, copy));
    }

    /// <summary>Clears every copy.</summary>
    public void Dispose()
    {
        foreach ((Guid _, byte[] key) in _keys)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        _keys.Clear();
    }
}
