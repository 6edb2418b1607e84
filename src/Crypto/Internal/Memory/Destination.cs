// The output-span convention of every FintechCrypto method (docs/algorithms.md): a destination must be at least the
// output's size; the method writes from its start and returns the number of bytes written.

using System;

namespace FintechCrypto.Internal.Memory;

/// <summary>Checks a destination span against the size of what will be written into it.</summary>
internal static class Destination
{
    /// <summary>The first <paramref name="size"/> bytes of <paramref name="destination"/>, the part an operation writes.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="size"/>.</exception>
    internal static Span<byte> Take(Span<byte> destination, int size, string paramName) =>
        destination.Length >= size ? destination[..size] : throw Error.Argument_DestinationTooSmall(paramName, size, destination.Length);
}
