using StanceBoard.Ingestion.Detection;

namespace StanceBoard.Ingestion.Tests.Detection;

public sealed class DocumentSnifferTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "text/html", DocumentKind.Rss)]
    [InlineData("\uFEFF<?xml version=\"1.0\"?><!-- c --><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>", null, DocumentKind.Rss)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "text/xml", DocumentKind.Atom)]
    [InlineData("<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", null, DocumentKind.Sitemap)]
    [InlineData("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", "application/xml", DocumentKind.SitemapIndex)]
    [InlineData("{ \"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [] }", "application/json", DocumentKind.JsonFeed)]
    [InlineData("{ \"not\": \"a feed\" }", "application/json", DocumentKind.Unknown)]
    [InlineData("<!DOCTYPE html><html lang=\"en\"><head></head></html>", "application/rss+xml", DocumentKind.Html)]
    [InlineData("<div><p>fragment</p></div>", "text/html", DocumentKind.Html)]
    [InlineData("plain words", "text/plain", DocumentKind.Unknown)]
    public void Detect_UsesTheBodyNotTheMediaType(string body, string? mediaType, DocumentKind expected)
    {
        DocumentSniffer.Detect(body, mediaType).ShouldBe(expected);
    }
}
