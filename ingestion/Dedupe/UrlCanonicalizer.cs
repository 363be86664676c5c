using System.Text;

namespace StanceBoard.Ingestion.Dedupe;

/// <summary>
/// Normalises article URLs so that the same page reached through a newsletter, a share button
/// or a feed maps to one key: scheme and host lower-cased, default port, fragment and tracking
/// parameters (utm_*, fbclid, gclid, …) dropped, the remaining query sorted.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> s_tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id",
        "vero_id", "vero_conv", "rb_clickid", "s_cid", "cmpid", "ncid", "ocid", "sr_share", "ref_src", "ref_url", "spm", "share", "smid", "amp",
        "outputtype", "via", "icid", "soc_src", "soc_trk", "wt.mc_id", "cid", "trk", "trkcampaign",
    };

    private static readonly string[] s_trackingPrefixes = ["utm_", "pk_", "mtm_", "matomo_", "hsa_", "at_", "ga_"];

    /// <summary>Returns the canonical form of <paramref name="url"/>, or <see langword="null"/> when it is not absolute http(s).</summary>
    public static string? Normalize(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) ? Normalize(uri) : null;

    /// <summary>Returns the canonical form of <paramref name="uri"/>, or <see langword="null"/> when it is not absolute http(s).</summary>
    public static string? Normalize(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var sb = new StringBuilder(uri.AbsoluteUri.Length);
        sb.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant().TrimEnd('.'));
        if (!uri.IsDefaultPort)
        {
            sb.Append(':').Append(uri.Port);
        }

        var path = uri.AbsolutePath;
        if (path.Length > 1 && path.EndsWith("/amp", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }

        sb.Append(path.Length == 0 ? "/" : path);
        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (query.Count > 0)
        {
            sb.Append('?').AppendJoin('&', query);
        }

        return sb.ToString();
    }

    private static bool IsTracking(string name)
    {
        var key = Uri.UnescapeDataString(name);
        return s_tracking.Contains(key) || s_trackingPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
