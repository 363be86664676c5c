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
    /// <remarks>The text is split, searched for mentions and tokenized once; the model then scores every mentioned target from that.</remarks>
    public IReadOnlyList<TargetScore> Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = SentenceSegmenter.Split(text);
        var mentions = Targets.FindMentions(text, sentences);
        var mentioned = Targets.Targets
            .Select(target => (Target: target, Own: mentions.Where(m => m.Target == target.Name).ToList()))
            .Where(x => x.Own.Count > 0)
            .ToList();
        if (mentioned.Count == 0)
        {
            return [];
        }

        var predictions = Model?.Predict(new StanceDocument(text, sentences, mentions), mentioned.Select(x => x.Target).ToList());
        var results = new List<TargetScore>(mentioned.Count);
        for (var i = 0; i < mentioned.Count; i++)
        {
            var (target, own) = mentioned[i];
            var spans = own.Select(m => new TextSpan(m.Start, m.Length)).ToArray();
            if (predictions is null)
            {
                results.Add(new TargetScore
                {
                    Target = target.Name,
                    Mentions = own.Count,
                    MentionSpans = spans,
                    Evidence = own.Select(m => m.SentenceIndex).Distinct().Take(MaxEvidence).Select(k => sentences[k].Text).ToArray(),
                });
                continue;
            }

            var prediction = predictions[i];
            results.Add(new TargetScore
            {
                Target = target.Name,
                Mentions = own.Count,
                MentionSpans = spans,
                Stance = prediction.Stance,
                Score = prediction.Score,
                Probabilities = new StanceProbabilities(prediction.PFavor, prediction.PAgainst, prediction.PNone),
                Evidence = prediction.Evidence,
                ModelVersion = Model!.Version,
            });
        }

        return results;
    }
}
