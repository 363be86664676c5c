namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Extracts an article from plain text scraped from the web: the title is the first line,
/// authors come from a "WRITTEN BY" block, a "By …" byline or a trailing bio sentence, and
/// site boilerplate (cookie notices, photo credits, recruitment blurbs, disclaimers, and
/// everything after "See Also", "Footnotes" and the like) is dropped. No date is guessed.
/// </summary>
public static class PlainTextExtractor
{
    private const int BylineWindow = 6;
    private const int BioWindow = 6;
    private const int MaxTitleLength = 300;

    /// <summary>Extracts from <paramref name="text"/>; <paramref name="fallbackTitle"/> is used when the first line cannot be a title.</summary>
    public static ExtractedArticle Extract(string text, string? fallbackTitle = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0)
        {
            return new ExtractedArticle { Title = fallbackTitle ?? string.Empty, Text = string.Empty };
        }

        var title = lines[first];
        var bodyStart = first + 1;
        if (title.Length > MaxTitleLength || title.EndsWith('.') && title.Length > 120)
        {
            title = fallbackTitle ?? string.Empty;
            bodyStart = first;
        }

        var (authors, writtenByLine) = AuthorHeuristics.FindWrittenByBlock(lines);
        var end = writtenByLine >= 0 ? writtenByLine : lines.Count;
        string? outlet = null;
        var paragraphs = new List<string>();
        for (var i = bodyStart; i < end; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (BoilerplateFilter.IsTrailingSectionHeading(line) && paragraphs.Count >= 3)
            {
                break;
            }

            if (BoilerplateFilter.IsBoilerplateLine(line))
            {
                outlet ??= BoilerplateFilter.OutletFromDisclaimer(line);
                continue;
            }

            if (paragraphs.Count < BylineWindow && AuthorHeuristics.ParseByline(line) is { } byline)
            {
                if (authors.Count == 0)
                {
                    authors = byline;
                }

                continue;
            }

            paragraphs.Add(line);
        }

        // A bio sentence near the end names the author; it is about the author, not the topic.
        for (var i = paragraphs.Count - 1; i >= Math.Max(0, paragraphs.Count - BioWindow); i--)
        {
            if (AuthorHeuristics.ParseBio(paragraphs[i]) is { } bio)
            {
                if (authors.Count == 0)
                {
                    authors = bio;
                }

                paragraphs.RemoveAt(i);
                break;
            }
        }

        return new ExtractedArticle
        {
            Title = title,
            Text = string.Join("\n\n", paragraphs),
            Authors = authors,
            Outlet = outlet,
        };
    }
}
