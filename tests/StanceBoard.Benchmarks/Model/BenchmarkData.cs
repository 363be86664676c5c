using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>Shared inputs: the default model (trained on the bootstrap corpus) and long pieces made of corpus texts.</summary>
internal static class BenchmarkData
{
    public static TargetCatalog Catalog { get; } = new(BootstrapCorpus.Targets);

    public static StanceModel DefaultModel() =>
        new StanceModelTrainer(new StanceModelTrainerOptions { Targets = BootstrapCorpus.Targets, L2 = 0.1, CrossValidationFolds = 0 }).Fit(BootstrapCorpus.Load());

    /// <summary>A piece of about <paramref name="words"/> words: corpus texts in a shuffled order (by <paramref name="seed"/>), in paragraphs of four.</summary>
    public static string LongPiece(int words = 1000, int seed = 3)
    {
        var texts = BootstrapCorpus.Load().Select(e => e.Text).Distinct().ToArray();
        new Random(seed).Shuffle(texts);
        var paragraphs = new List<string>();
        var count = 0;
        var paragraph = new List<string>();
        foreach (var text in texts)
        {
            // Each piece's sentences are its own (its number in them), so no cache helps across pieces.
            paragraph.Add(seed == 3 ? text : $"In note {seed}, {char.ToLowerInvariant(text[0])}{text[1..]}");
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

    /// <summary><paramref name="count"/> different 1,000-word pieces (so no cache helps across pieces).</summary>
    public static List<string> LongPieces(int count) => Enumerable.Range(0, count).Select(i => LongPiece(1000, seed: 3 + i)).ToList();
}
