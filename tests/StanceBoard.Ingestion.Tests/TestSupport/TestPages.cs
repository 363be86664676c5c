using System.Globalization;
using System.Text;

namespace StanceBoard.Ingestion.Tests.TestSupport;

/// <summary>Small article pages and feeds for pipeline tests.</summary>
internal static class TestPages
{
    private static readonly string[] s_sentences =
    [
        "Moscow presented the deployment of peacekeepers as proof that only Russia could stop the fighting.",
        "Ankara insisted that any monitoring mission must include Turkish officers on the ground.",
        "Baku argued that the return of the districts settled the question of status for good.",
        "Yerevan faced protests from citizens who learned the scale of the defeat only from the statement.",
        "Tehran watched the new transport routes with unease because they bypass Iranian territory.",
        "Tbilisi kept its airspace closed to military cargo and offered to host talks that never took place.",
        "Brussels issued statements calling for restraint while energy cooperation with Baku continued.",
        "Washington and Paris learned of the final text only after it had been signed in Moscow.",
    ];

    public static string Article(int id, string? author = "Jane Roe", string? published = "2020-11-12T09:00:00+00:00", string? canonical = null, string? text = null) =>
        $"""
        <!DOCTYPE html><html lang="en"><head><title>Article {id} | Test Outlet</title>
        <meta property="og:site_name" content="Test Outlet">
        {(author is null ? string.Empty : $"<meta name=\"author\" content=\"{author}\">")}
        {(published is null ? string.Empty : $"<meta property=\"article:published_time\" content=\"{published}\">")}
        {(canonical is null ? string.Empty : $"<link rel=\"canonical\" href=\"{canonical}\">")}
        </head><body><nav><a href="/">Home</a></nav><article><h1>Article {id}</h1>
        {text ?? Body(id)}
        </article><footer>Copyright Test Outlet</footer></body></html>
        """;

    public static string Body(int id)
    {
        var sb = new StringBuilder();
        for (var p = 0; p < 4; p++)
        {
            sb.Append("<p>");
            for (var s = 0; s < 3; s++)
            {
                sb.Append(s_sentences[((id * 7) + (p * 3) + s) % s_sentences.Length]).Append(' ');
            }

            sb.Append(CultureInfo.InvariantCulture, $"Paragraph {p} of article {id} is unique to it.</p>\n");
        }

        return sb.ToString();
    }

    public static string Rss(Uri baseUrl, IEnumerable<int> ids, string title = "Test Feed") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{title}</title><link>{baseUrl}</link>
        {string.Concat(ids.Select(i => $"<item><title>Feed title {i}</title><link>{new Uri(baseUrl, $"articles/{i}?utm_source=rss")}</link><dc:creator>Feed Author</dc:creator><pubDate>Tue, 10 Nov 2020 08:00:00 GMT</pubDate></item>"))}
        </channel></rss>
        """;
}
