using System.Globalization;
using System.Text.Json;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Demo;

/// <summary>The embedded, project-written demo pieces (fictional authors and outlets), oldest first.</summary>
internal static class DemoCorpus
{
    private const string ResourceName = "StanceBoard.Dashboard.Demo.demo-corpus.jsonl";

    public static IReadOnlyList<Piece> Load()
    {
        using var stream = typeof(DemoCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo corpus resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var pieces = new List<Piece>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var item = JsonSerializer.Deserialize<DemoItem>(line, JsonSerializerOptions.Web)!;
            pieces.Add(new Piece
            {
                Title = item.Title,
                Text = item.Text,
                Authors = item.Authors,
                Outlet = item.Outlet,
                Published = DateTimeOffset.ParseExact(item.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Language = "en",
                Origin = "demo",
            });
        }

        return pieces.OrderBy(p => p.Published).ToArray();
    }

    private sealed record DemoItem(string Title, string Text, string[] Authors, string Outlet, string Published);
}
