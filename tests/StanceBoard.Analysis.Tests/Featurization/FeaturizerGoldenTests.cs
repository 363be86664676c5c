using System.Text;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Featurization;

/// <summary>
/// The n-grams a sentence yields for a target, compared with a reviewed golden file. When the
/// featurizer changes on purpose, regenerate with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class FeaturizerGoldenTests
{
    private const string Text = "Ankara's drones, not Moscow's words, decided it!";

    [Theory]
    [InlineData("Turkey", "ngrams-turkey.txt")]
    [InlineData("Russia", "ngrams-russia.txt")]
    public void Name_SentenceWithTwoTargets_MatchesTheGoldenFile(string target, string golden)
    {
        var document = StanceDocument.Create(Text, new TargetCatalog(BootstrapCorpus.Targets));
        var names = new Dictionary<int, SortedSet<string>>();
        new DocumentHasher(new FeaturizerOptions()).Name(document.Tokens, 0, target, names);
        var actual = string.Join('\n', names.Values.SelectMany(s => s).Order(StringComparer.Ordinal)) + "\n";

        var path = Path.Combine(GoldenDirectory(), golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        actual.ShouldBe(File.ReadAllText(path));
    }

    [Fact]
    public void Name_TargetMasks_DifferPerTargetWhileOtherNgramsAreShared()
    {
        var document = StanceDocument.Create(Text, new TargetCatalog(BootstrapCorpus.Targets));
        var turkey = Names(document, "Turkey");
        var russia = Names(document, "Russia");

        turkey.ShouldContain("w:<tgt> s drones");
        turkey.ShouldContain("w:not <oth> s");
        turkey.ShouldContain("n:drones");
        russia.ShouldContain("w:<oth> s drones");
        russia.ShouldContain("w:not <tgt> s");
        russia.ShouldContain("n:words");
        turkey.ShouldNotContain("n:words");
        turkey.ShouldContain("c:_dec");
        russia.ShouldContain("c:_dec");
        turkey.ShouldNotContain(n => n.Contains("ankara") || n.Contains("moscow"));
    }

    private static HashSet<string> Names(StanceDocument document, string target)
    {
        var names = new Dictionary<int, SortedSet<string>>();
        new DocumentHasher(new FeaturizerOptions()).Name(document.Tokens, 0, target, names);
        return names.Values.SelectMany(s => s).ToHashSet();
    }

    private static string GoldenDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StanceBoard.Analysis.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("test project"), "Featurization", "Golden");
    }
}
