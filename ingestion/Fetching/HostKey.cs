namespace StanceBoard.Ingestion.Fetching;

/// <summary>The key under which politeness, robots and circuit state are kept: scheme-less host and port.</summary>
internal static class HostKey
{
    public static string For(Uri uri) => $"{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
}
