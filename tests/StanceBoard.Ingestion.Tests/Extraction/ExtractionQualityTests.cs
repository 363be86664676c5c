using StanceBoard.Ingestion.Extraction;
using Xunit.Abstractions;

namespace StanceBoard.Ingestion.Tests.Extraction;

/// <summary>The extraction goals on the project's own fixture pages (WordPress, Drupal, Ghost, think-tank CMSs, AMP, news sites, newsletters, legacy tables).</summary>
public sealed class ExtractionQualityTests(ITestOutputHelper output)
{
    private static readonly string s_fixtures = Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures");

    [Fact]
    public void Extract_FixturePages_MeetTheQualityGoals()
    {
        var score = ExtractionEvaluator.Evaluate(s_fixtures);
        output.WriteLine(score.Describe());

        score.Pages.Count.ShouldBeGreaterThanOrEqualTo(30);
        score.Pages.Select(p => p.System).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        score.TitleAccuracy.ShouldBeGreaterThanOrEqualTo(0.95, score.Describe());
        score.AuthorAccuracy.ShouldBeGreaterThanOrEqualTo(0.95, score.Describe());
        score.DateAccuracy.ShouldBeGreaterThanOrEqualTo(0.95, score.Describe());
        score.BodyRecall.ShouldBeGreaterThanOrEqualTo(0.95, score.Describe());
        score.Boilerplate.ShouldBeLessThanOrEqualTo(0.05, score.Describe());
    }
}
