using BenchmarkDotNet.Attributes;
using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Extraction;
using StanceBoard.Ingestion.Feeds;

namespace StanceBoard.Benchmarks.Ingestion;

/// <summary>Kernels of ingestion: article extraction, SimHash and feed parsing.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string _wordpress = string.Empty;
    private string _news = string.Empty;
    private string _text = string.Empty;
    private string _feed = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var fixtures = ExtractionQualityReport.FindFixtures();
        _wordpress = File.ReadAllText(Directory.GetFiles(fixtures, "01-*.html").Single());
        _news = File.ReadAllText(Directory.GetFiles(fixtures, "*-news-*.html").First());
        _text = HtmlArticleExtractor.Extract(_wordpress).Text;
        _feed = "<rss version=\"2.0\"><channel><title>F</title>" + string.Concat(Enumerable.Range(0, 1000).Select(i =>
            $"<item><title>Item {i}</title><link>https://f.example/{i}</link><pubDate>Tue, 10 Nov 2020 08:00:00 GMT</pubDate><description>Summary {i}</description></item>")) + "</channel></rss>";
    }

    [Benchmark]
    public ExtractedArticle ExtractWordPressPage() => HtmlArticleExtractor.Extract(_wordpress);

    [Benchmark]
    public ExtractedArticle ExtractNewsPage() => HtmlArticleExtractor.Extract(_news);

    [Benchmark]
    public ulong SimHashOfArticle() => SimHash.Compute(_text);

    [Benchmark]
    public FeedDocument ParseThousandItemFeed() => FeedParser.Parse(_feed);
}
