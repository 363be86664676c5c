using System.Text;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Tests.Model;

/// <summary>
/// The long-text scoring path (per-sentence counting with cached token features, scoring
/// straight from the counts) against a plain reference: each sentence naming the target
/// hashed by <see cref="DocumentHasher"/>, built into its TF-IDF vector and dotted with the
/// weights (in single precision, hence the tolerance), the sentence probabilities averaged.
/// </summary>
public sealed class StanceClassifierPredictionTests
{
    private static readonly TargetCatalog Catalog = new(BootstrapCorpus.Targets);

    private static readonly string[] Sentences =
    [
        "Erdoğan's Türkiye and Putin's Kremlin both courted Baku, while Aliyev smiled at the cameras.",
        "Moscow Moscow Moscow insisted, insisted and insisted that the the the corridor stays open!",
        "İbrahim Kalın and Mevlüt Çavuşoğlu praised the naïve Straße of Łódź, which Ankara never saw.",
        "The weather in the mountains was cold and the roads were closed for a week.",
        "Azerbaijan's reconstruction is ambitious; Baku's critics call it “showmanship” at best?",
        "Russia and Turkey argue, and Azerbaijan listens, about whether Lavrov or Erdoğan will blink first.",
        "Trade routes are being rebuilt, analysts said, with 3rd-party money from the 1990s funds.",
        "Ankara's drones changed the war, and Turkish officials boast about it daily @someone #KarabakhPeace.",
        "The Kremlin's peacekeepers, Shoigu said, are disciplined, even-handed and welcome.",
    ];

    public static TheoryData<int> Seeds => new() { 1, 2, 3 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Predict_LongPiece_MatchesThePlainReferenceComputation(int seed)
    {
        var document = StanceDocument.Create(Piece(seed), Catalog);
        var model = TestModels.Default;
        document.Sentences.Count.ShouldBeGreaterThan(model.Training.MaxSentences, "the piece must take the long-text path");

        var predictions = model.Predict(document, Catalog.Targets);

        for (var t = 0; t < Catalog.Targets.Count; t++)
        {
            var (mean, evidence) = Reference(model, document, Catalog.Targets[t].Name);
            predictions[t].PFavor.ShouldBe(mean[(int)Stance.Favor], 1e-6);
            predictions[t].PAgainst.ShouldBe(mean[(int)Stance.Against], 1e-6);
            predictions[t].PNone.ShouldBe(mean[(int)Stance.None], 1e-6);
            predictions[t].Evidence.ShouldBe(evidence);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Predict_TargetsTogetherOrAlone_GiveTheSameBits(int seed)
    {
        // Token features cached while scoring one target must not change another's result.
        var text = Piece(seed);
        var together = TestModels.Default.Predict(StanceDocument.Create(text, Catalog), Catalog.Targets);

        for (var t = 0; t < Catalog.Targets.Count; t++)
        {
            var alone = TestModels.Default.Predict(StanceDocument.Create(text, Catalog), [Catalog.Targets[t]])[0];
            alone.PFavor.ShouldBe(together[t].PFavor);
            alone.PAgainst.ShouldBe(together[t].PAgainst);
            alone.PNone.ShouldBe(together[t].PNone);
            alone.Evidence.ShouldBe(together[t].Evidence);
        }
    }

    /// <summary>Sentences in a seeded order, with a very long sentence naming two targets in the middle.</summary>
    private static string Piece(int seed)
    {
        var order = Enumerable.Range(0, 4).SelectMany(_ => Sentences).ToArray();
        new Random(seed).Shuffle(order);
        var text = new StringBuilder();
        for (var i = 0; i < order.Length; i++)
        {
            text.Append(order[i]).Append(i % 5 == 4 ? "\n\n" : " ");
            if (i == order.Length / 2)
            {
                text.Append("Moscow said that ")
                    .AppendJoin(", ", Enumerable.Range(0, 120).Select(k => k % 7 == 0 ? "Ankara" : $"the talks went on and on {k % 11}"))
                    .Append(" without end. ");
            }
        }

        return text.ToString();
    }

    private static (double[] Mean, string[] Evidence) Reference(StanceClassifier model, StanceDocument document, string target)
    {
        var options = model.FeaturizerOptions;
        var rows = model.Rows;
        var targetIndex = model.TrainedTargets.ToList().FindIndex(t => string.Equals(t, target, StringComparison.OrdinalIgnoreCase));
        var lambda = targetIndex >= 0 ? options.TargetCopyWeight : 0;
        var row = rows.Row(targetIndex);
        var tokens = document.Tokens;
        var hasher = new DocumentHasher(options, cacheTokens: false);
        var sentences = Enumerable.Range(0, tokens.SentenceCount).Where(s => tokens.Mentions(s, target)).ToList();
        var perSentence = new List<double[]>();
        var mean = new double[3];
        foreach (var s in sentences)
        {
            var buckets = new List<int>();
            hasher.Words(tokens, s, target, buckets);
            foreach (var token in hasher.LastTokens.ToList())
            {
                buckets.AddRange(hasher.CharBuckets(token));
            }

            var builder = new VectorBuilder(rows.Count);
            foreach (var bucket in buckets)
            {
                var slot = rows.SlotOf(bucket);
                if (slot >= 0)
                {
                    builder.AddDocument(slot, 1);
                }
            }

            var (cols, vals) = builder.Build(rows.Idf, options, hasContext: false);
            var margins = new double[3];
            for (var c = 0; c < 3; c++)
            {
                margins[c] = model.Biases[c] + (targetIndex >= 0 ? lambda * model.Biases[((1 + targetIndex) * 3) + c] : 0);
                for (var k = 0; k < cols.Length; k++)
                {
                    margins[c] += vals[k] * row[(cols[k] * ScoringRows.Stride) + c];
                }
            }

            var p = new double[3];
            model.Calibrator.Probabilities(margins, p);
            perSentence.Add(p);
            for (var c = 0; c < 3; c++)
            {
                mean[c] += p[c] / sentences.Count;
            }
        }

        var pc = mean[1] >= mean[0] && mean[1] >= mean[2] ? 1 : mean[2] >= mean[0] ? 2 : 0;
        var ranked = sentences
            .Select((s, k) => (Sentence: s, Support: perSentence[k][pc] - Math.Max(perSentence[k][(pc + 1) % 3], perSentence[k][(pc + 2) % 3])))
            .OrderByDescending(x => x.Support)
            .ThenBy(x => x.Sentence)
            .ToList();
        var chosen = ranked.Where(x => x.Support > 0).Take(StanceClassifier.MaxEvidence).ToList();
        if (chosen.Count == 0)
        {
            chosen = ranked.Take(1).ToList();
        }

        return (mean, chosen.Select(x => document.Sentences[x.Sentence].Text).ToArray());
    }
}
