using System.Globalization;
using System.Text;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>One page's extraction score.</summary>
internal sealed record PageScore(
    string Name,
    string System,
    bool TitleRight,
    bool AuthorsRight,
    bool DateRight,
    int ExpectedWords,
    int ExtractedWords,
    int MatchedWords,
    ExtractedArticle Actual)
{
    public double Recall => ExpectedWords == 0 ? 1 : (double)MatchedWords / ExpectedWords;

    public double Boilerplate => ExtractedWords == 0 ? 0 : (double)(ExtractedWords - MatchedWords) / ExtractedWords;
}

/// <summary>The scores of a fixture set, with the aggregate figures the quality goals are stated in.</summary>
internal sealed record ExtractionScore(IReadOnlyList<PageScore> Pages)
{
    public double TitleAccuracy => Share(p => p.TitleRight);

    public double AuthorAccuracy => Share(p => p.AuthorsRight);

    public double DateAccuracy => Share(p => p.DateRight);

    /// <summary>Body words found, over all pages (micro-averaged).</summary>
    public double BodyRecall => (double)Pages.Sum(p => p.MatchedWords) / Math.Max(1, Pages.Sum(p => p.ExpectedWords));

    /// <summary>Extracted words that are not body words, over all pages (micro-averaged).</summary>
    public double Boilerplate => (double)Pages.Sum(p => p.ExtractedWords - p.MatchedWords) / Math.Max(1, Pages.Sum(p => p.ExtractedWords));

    public string Describe()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"pages={Pages.Count} title={TitleAccuracy:P1} authors={AuthorAccuracy:P1} date={DateAccuracy:P1} recall={BodyRecall:P2} boilerplate={Boilerplate:P2}");
        foreach (var p in Pages.Where(p => !p.TitleRight || !p.AuthorsRight || !p.DateRight || p.Recall < 0.95 || p.Boilerplate > 0.05))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {p.Name}: title={(p.TitleRight ? "ok" : p.Actual.Title)} authors={(p.AuthorsRight ? "ok" : string.Join("; ", p.Actual.Authors))} date={(p.DateRight ? "ok" : p.Actual.Published?.ToString("o", CultureInfo.InvariantCulture) ?? "null")} recall={p.Recall:P1} boilerplate={p.Boilerplate:P1}");
        }

        return sb.ToString();
    }

    private double Share(Func<PageScore, bool> right) => Pages.Count == 0 ? 0 : (double)Pages.Count(right) / Pages.Count;
}
