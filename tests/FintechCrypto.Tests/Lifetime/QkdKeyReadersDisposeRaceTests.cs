// The library's own readers of a caller's QkdKey (issue 11 defect 4): the IKEv2 PPK, WireGuard and MACsec mappings and
// StaticQkdKeySource.Create read the key under a lease, so a Dispose on another thread at the moment of the read waits
// for it, and what they write is the real key, never cleared bytes.

using System;
using System.Linq;
using System.Text;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Internal.Qkd.Etsi004;
using FintechCrypto.Internal.Qkd.Etsi014;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class QkdKeyReadersDisposeRaceTests
{
    private static readonly Guid KeyId = Guid.Parse("6a0f8f0e-2c3b-4d5e-8f90-a1b2c3d4e5f6");
    private static readonly byte[] KeyBytes = Enumerable.Range(1, 32).Select(i => (byte)(0x5C ^ (i * 7))).ToArray();

    [Fact]
    public void Ikev2WritePpk_KeyDisposedAtTheRead_WritesTheRealKey()
    {
        var key = new QkdKey(KeyId, KeyBytes);
        byte[] ppk = new byte[KeyBytes.Length];
        using (var armed = DisposeDuringUse.Arm(key))
        {
            Ikev2Ppk.WritePpk(key, ppk);
            Assert.True(armed.Fired);
        }

        Assert.Equal(KeyBytes, ppk);
        Assert.True(key.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => Ikev2Ppk.WritePpk(key, ppk));
    }

    [Fact]
    public void WireGuardFormat_KeyDisposedAtTheRead_WritesTheRealKey()
    {
        var key = new QkdKey(KeyId, KeyBytes);
        char[] psk = new char[WireGuardPresharedKey.Base64Length];
        using (var armed = DisposeDuringUse.Arm(key))
        {
            WireGuardPresharedKey.WritePsk(key, psk);
            Assert.True(armed.Fired);
        }

        Assert.Equal(Convert.ToBase64String(KeyBytes), new string(psk));
        Assert.True(key.IsDisposed);
    }

    [Fact]
    public void MacsecFormatCak_KeyDisposedAtTheRead_WritesTheRealKey()
    {
        var key = new QkdKey(KeyId, KeyBytes);
        char[] cak = new char[2 * KeyBytes.Length];
        using (var armed = DisposeDuringUse.Arm(key))
        {
            MacsecPresharedKey.WriteCak(key, cak);
            Assert.True(armed.Fired);
        }

        Assert.Equal(Convert.ToHexStringLower(KeyBytes), new string(cak));
        Assert.True(key.IsDisposed);
    }

    [Fact]
    public async System.Threading.Tasks.Task StaticSourceCreate_CallersKeyDisposedAtTheCopy_DeliversTheRealKey()
    {
        var callers = new QkdKey(KeyId, KeyBytes);
        StaticQkdKeySource source;
        using (var armed = DisposeDuringUse.Arm(callers))
        {
            source = StaticQkdKeySource.Create("SAE_A", [callers]);
            Assert.True(armed.Fired);
        }

        Assert.True(callers.IsDisposed);
        using (source)
        {
            using QkdKeyContainer delivered = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));
            Assert.Equal(KeyId, delivered.Keys[0].KeyId);
            byte[] copy = new byte[KeyBytes.Length];
            delivered.Keys[0].CopyTo(copy);
            Assert.Equal(KeyBytes, copy);
        }
    }
}
