namespace StanceBoard.Ingestion.Fetching.Robots;

/// <summary>
/// The rules of one robots.txt for one user agent (RFC 9309): the group naming our product
/// token, else the <c>*</c> group; the longest matching rule wins, Allow on a tie; <c>*</c> and
/// <c>$</c> wildcards.
/// </summary>
internal sealed class RobotsRules
{
    private const int MaxRules = 2000;

    private readonly (string Pattern, bool Allow)[] _rules;

    private RobotsRules((string Pattern, bool Allow)[] rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Everything allowed (no robots.txt, or a 4xx).</summary>
    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Everything disallowed (robots.txt unreachable with a server error).</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The Crawl-delay of the matched group, when given.</summary>
    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = hash >= 0 ? rawLine[..hash] : rawLine;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = new Group();
                    groups.Add(current);
                }

                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is null)
            {
                continue;
            }

            if (key is "allow" or "disallow" && value.Length > 0 && current.Rules.Count < MaxRules)
            {
                current.Rules.Add((value, key == "allow"));
            }
            else if (key == "crawl-delay"
                && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && seconds is >= 0 and < 86400)
            {
                current.Delay = TimeSpan.FromSeconds(seconds);
            }
        }

        var token = productToken.ToLowerInvariant();
        var matched = groups.Where(g => g.Agents.Any(a => a == token)).ToList();
        if (matched.Count == 0)
        {
            matched = [.. groups.Where(g => g.Agents.Contains("*"))];
        }

        return matched.Count == 0
            ? AllowAll
            : new RobotsRules([.. matched.SelectMany(g => g.Rules)], matched.Select(g => g.Delay).FirstOrDefault(d => d is not null));
    }

    /// <summary>Whether <paramref name="pathAndQuery"/> (starting with '/') may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (pattern.Length >= best && Matches(pattern, pathAndQuery))
            {
                if (pattern.Length > best || allow)
                {
                    allowed = allow;
                }

                best = pattern.Length;
            }
        }

        return allowed;
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<(string Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        return Match(p, 0, path, 0, anchored);
    }

    private static bool Match(string pattern, int pi, string path, int si, bool anchored)
    {
        while (pi < pattern.Length)
        {
            if (pattern[pi] == '*')
            {
                while (pi < pattern.Length && pattern[pi] == '*')
                {
                    pi++;
                }

                if (pi == pattern.Length)
                {
                    return true;
                }

                for (var k = si; k <= path.Length; k++)
                {
                    if (Match(pattern, pi, path, k, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (si >= path.Length || pattern[pi] != path[si])
            {
                return false;
            }

            pi++;
            si++;
        }

        return !anchored || si == path.Length;
    }
}
