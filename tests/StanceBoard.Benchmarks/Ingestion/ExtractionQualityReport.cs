using System.Text.Json;
using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Benchmarks.Ingestion;

/// <summary>Prints the extraction-quality figures on the fixture pages as JSON (stdout) and the misses (stderr).</summary>
internal static class ExtractionQualityReport
{
    public static Task<int> RunAsync(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : FindFixtures();
        var score = ExtractionEvaluator.Evaluate(directory);
        Console.Error.Write(score.Describe());
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            pages = score.Pages.Count,
            systems = score.Pages.Select(p => p.System).Distinct().Order().ToArray(),
            titleAccuracy = Math.Round(score.TitleAccuracy, 4),
            authorAccuracy = Math.Round(score.AuthorAccuracy, 4),
            dateAccuracy = Math.Round(score.DateAccuracy, 4),
            bodyRecall = Math.Round(score.BodyRecall, 4),
            boilerplate = Math.Round(score.Boilerplate, 4),
        }));
        return Task.FromResult(0);
    }

    internal static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "StanceBoard.Ingestion.Tests", "Extraction", "Fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/StanceBoard.Ingestion.Tests/Extraction/Fixtures not found above the working directory; pass the folder as an argument.");
    }
}
