using System.Net;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>Thrown from the connect callback when every address of a host is refused by the SSRF guard.</summary>
internal sealed class SsrfBlockedException(string host, IReadOnlyList<IPAddress> addresses)
    : Exception($"Refused to connect to {host}: it resolves to {string.Join(", ", addresses)}, which is not a public address (set Ingestion:AllowPrivateNetworks to allow).")
{
    public string Host { get; } = host;
}
