using System.Net;
using System.Net.Sockets;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// Decides which IP addresses may be connected to. Refuses loopback, link-local, private,
/// CGNAT, unspecified, multicast, broadcast, documentation and reserved ranges, including
/// IPv4 addresses embedded in IPv6 (mapped, 6to4, NAT64), unless allowed by the options.
/// </summary>
internal sealed class SsrfGuard
{
    private static readonly IPNetwork[] s_blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork s_sixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork s_nat64 = IPNetwork.Parse("64:ff9b::/96");

    private readonly bool _allowAll;
    private readonly IPNetwork[] _allowed;

    public SsrfGuard(bool allowPrivateNetworks, IEnumerable<string> allowedNetworks)
    {
        _allowAll = allowPrivateNetworks;
        _allowed = [.. allowedNetworks.Select(ParseNetwork)];
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed.</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (_allowAll)
        {
            return true;
        }

        if (_allowed.Any(n => n.Contains(address) || (address.IsIPv4MappedToIPv6 && n.Contains(address.MapToIPv4()))))
        {
            return true;
        }

        return IsPublic(address);
    }

    /// <summary>Whether <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (s_sixToFour.Contains(address))
            {
                return IsPublic(new IPAddress(bytes.AsSpan(2, 4))) && !Blocked(address);
            }

            if (s_nat64.Contains(address))
            {
                return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
            }

            if (address.ScopeId != 0)
            {
                return false;
            }
        }
        else if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        return !Blocked(address) && !address.Equals(IPAddress.Broadcast);
    }

    private static bool Blocked(IPAddress address) => s_blocked.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));

    private static IPNetwork ParseNetwork(string cidr) =>
        IPNetwork.TryParse(cidr, out var network)
            ? network
            : IPAddress.TryParse(cidr, out var single)
                ? new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
                : throw new FormatException($"'{cidr}' in {nameof(FetchOptions.AllowedNetworks)} is not an IP address or CIDR network.");
}
