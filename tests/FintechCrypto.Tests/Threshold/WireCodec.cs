using System;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// One FROST message type under test (docs/frost-wire.md): its header type byte and its four codec functions, typed
/// as object so that the wire-format tests can run every type through the same checks.
/// </summary>
internal sealed record WireCodec(string Name, byte Type, Func<byte[], object> FromBytes, Func<string, object> FromJson, Func<object, byte[]> ToBytes, Func<object, string> ToJson)
{
    /// <summary>The codec of message type <typeparamref name="T"/>.</summary>
    internal static WireCodec Of<T>(string name, byte type, Func<byte[], T> fromBytes, Func<string, T> fromJson, Func<T, byte[]> toBytes, Func<T, string> toJson)
        where T : class =>
        new(name, type, b => fromBytes(b), j => fromJson(j), o => toBytes((T)o), o => toJson((T)o));
}
