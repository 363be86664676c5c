using System.Globalization;
using System.Text.Json;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Scores <see cref="HtmlArticleExtractor"/> against pages with known answers (a page plus a JSON
/// file naming its title, authors, publication date and body paragraphs): share of titles,
/// author lists and dates exactly right, body recall and boilerplate share by word counts.
/// </summary>
internal static class ExtractionEvaluator
{
    public static ExtractionScore Evaluate(string fixturesDirectory)
    {
        var pages = new List<PageScore>();
        foreach (var htmlPath in Directory.GetFiles(fixturesDirectory, "*.html").Order(StringComparer.Ordinal))
        {
            var expected = JsonSerializer.Deserialize<ExpectedPage>(File.ReadAllText(Path.ChangeExtension(htmlPath, ".json")), JsonOptions)
                ?? throw new InvalidDataException($"{htmlPath}: no expected JSON.");
            var actual = HtmlArticleExtractor.Extract(File.ReadAllText(htmlPath), new Uri(expected.Url));
            pages.Add(Score(Path.GetFileNameWithoutExtension(htmlPath), expected, actual));
        }

        return new ExtractionScore(pages);
    }

    private static PageScore Score(string name, ExpectedPage expected, ExtractedArticle actual)
    {
        var expectedWords = Words(string.Join(' ', expected.Body));
        var actualWords = Words(actual.Text);
        var matched = 0;
        foreach (var (word, count) in expectedWords)
        {
            matched += Math.Min(count, actualWords.GetValueOrDefault(word));
        }

        return new PageScore(
            name,
            expected.System,
            TitleRight: Normalize(actual.Title) == Normalize(expected.Title),
            AuthorsRight: actual.Authors.Select(Normalize).Order(StringComparer.Ordinal).SequenceEqual(expected.Authors.Select(Normalize).Order(StringComparer.Ordinal)),
            DateRight: actual.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == expected.Published,
            ExpectedWords: expectedWords.Values.Sum(),
            ExtractedWords: actualWords.Values.Sum(),
            MatchedWords: matched,
            Actual: actual);
    }

    private static Dictionary<string, int> Words(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = new string([.. word.Where(char.IsLetterOrDigit)]).ToLowerInvariant();
            if (w.Length > 0)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        return counts;
    }

    private static string Normalize(string s) => MarkupText.CollapseSpaces(s).ToLowerInvariant();

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record ExpectedPage(string System, string Url, string Title, IReadOnlyList<string> Authors, string Published, IReadOnlyList<string> Body);
}
