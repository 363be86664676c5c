using System.Net;
using StanceBoard.Ingestion.Fetching;

namespace StanceBoard.Ingestion.Tests.Fetching;

public sealed class SsrfGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::1")]
    public void IsAllowed_NonPublicAddress_Refused(string address)
    {
        new SsrfGuard(false, []).IsAllowed(IPAddress.Parse(address)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsAllowed_PublicAddress_Allowed(string address)
    {
        new SsrfGuard(false, []).IsAllowed(IPAddress.Parse(address)).ShouldBeTrue();
    }

    [Fact]
    public void IsAllowed_AllowListedNetwork_AllowedOnlyThere()
    {
        var guard = new SsrfGuard(false, ["10.20.0.0/16", "192.168.5.5"]);

        guard.IsAllowed(IPAddress.Parse("10.20.3.4")).ShouldBeTrue();
        guard.IsAllowed(IPAddress.Parse("192.168.5.5")).ShouldBeTrue();
        guard.IsAllowed(IPAddress.Parse("10.21.0.1")).ShouldBeFalse();
        guard.IsAllowed(IPAddress.Parse("169.254.169.254")).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_BadNetwork_ThrowsNamingIt()
    {
        Should.Throw<FormatException>(() => new SsrfGuard(false, ["not-a-network"])).Message.ShouldContain("not-a-network");
    }
}
