using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Scoring;

/// <summary>
/// Scores a piece towards every configured target it mentions. A target the piece never
/// mentions gets no score at all (absent, not "neutral"). Thread-safe.
/// </summary>
public sealed class PieceScorer(TargetCatalog targets, IStanceModel? model = null)
{
    /// <summary>Evidence sentences kept per target when no model ranks them.</summary>
    public const int MaxEvidence = 3;

    /// <summary>The model in use, if any.</summary>
    public IStanceModel? Model { get; } = model;

    /// <summary>The configured targets.</summary>
    public TargetCatalog Targets { get; } = targets ?? throw new ArgumentNullException(nameof(targets));

    /// <summary>Scores <paramref name="text"/>; the result holds one entry per mentioned target, in catalog order.</summary>
    public IReadOnlyList<TargetScore> Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = SentenceSegmenter.Split(text);
        var mentions = Targets.FindMentions(text, sentences);
        var results = new List<TargetScore>();
        foreach (var target in Targets.Targets)
        {
            var own = mentions.Where(m => m.Target == target.Name).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var spans = own.Select(m => new TextSpan(m.Start, m.Length)).ToArray();
            if (Model is null)
            {
                results.Add(new TargetScore
                {
                    Target = target.Name,
                    Mentions = own.Count,
                    MentionSpans = spans,
                    Evidence = own.Select(m => m.SentenceIndex).Distinct().Take(MaxEvidence).Select(i => sentences[i].Text).ToArray(),
                });
                continue;
            }

            var prediction = Model.Predict(text, target);
            results.Add(new TargetScore
            {
                Target = target.Name,
                Mentions = own.Count,
                MentionSpans = spans,
                Stance = prediction.Stance,
                Score = prediction.Score,
                Probabilities = new StanceProbabilities(prediction.PFavor, prediction.PAgainst, prediction.PNone),
                Evidence = prediction.Evidence,
                ModelVersion = Model.Version,
            });
        }

        return results;
    }
}
