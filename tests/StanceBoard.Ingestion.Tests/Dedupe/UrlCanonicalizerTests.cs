using StanceBoard.Ingestion.Dedupe;

namespace StanceBoard.Ingestion.Tests.Dedupe;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Example.ORG:443/Analysis/Piece/?utm_source=tw&utm_medium=social#comments", "https://www.example.org/Analysis/Piece")]
    [InlineData("http://example.org:80/a?b=2&a=1&fbclid=XYZ&gclid=1", "http://example.org/a?a=1&b=2")]
    [InlineData("https://example.org:8443/a", "https://example.org:8443/a")]
    [InlineData("https://example.org/news/piece/amp", "https://example.org/news/piece")]
    [InlineData("https://example.org/?mc_cid=1&mc_eid=2&_hsenc=x", "https://example.org/")]
    [InlineData("https://example.org/a?id=42&ref_src=twsrc", "https://example.org/a?id=42")]
    [InlineData("https://example.org.", "https://example.org/")]
    public void Normalize_DropsTrackingAndNoise(string input, string expected)
    {
        UrlCanonicalizer.Normalize(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("ftp://example.org/a")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void Normalize_NotHttp_ReturnsNull(string input)
    {
        UrlCanonicalizer.Normalize(input).ShouldBeNull();
    }
}
