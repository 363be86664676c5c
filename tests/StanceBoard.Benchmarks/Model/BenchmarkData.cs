using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>Shared inputs: the default model (trained on the bootstrap corpus) and a long piece made of corpus texts.</summary>
internal static class BenchmarkData
{
    public static TargetCatalog Catalog { get; } = new(BootstrapCorpus.Targets);

    public static StanceClassifier DefaultModel() =>
        new StanceTrainer(new StanceTrainerOptions { Targets = BootstrapCorpus.Targets }).Fit(BootstrapCorpus.Load());

    /// <summary>A piece of about <paramref name="words"/> words: corpus texts in a fixed shuffled order, in paragraphs of four.</summary>
    public static string LongPiece(int words = 1000)
    {
        var texts = BootstrapCorpus.Load().Select(e => e.Text).Distinct().ToArray();
        new Random(3).Shuffle(texts);
        var paragraphs = new List<string>();
        var count = 0;
        var paragraph = new List<string>();
        foreach (var text in texts)
        {
            paragraph.Add(text);
            count += text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (paragraph.Count == 4)
            {
                paragraphs.Add(string.Join(' ', paragraph));
                paragraph.Clear();
            }

            if (count >= words)
            {
                break;
            }
        }

        paragraphs.Add(string.Join(' ', paragraph));
        return "A long analysis piece\n\n" + string.Join("\n\n", paragraphs);
    }
}
