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
        return Score([text])[0];
    }

    /// <summary>
    /// Scores many texts at once: the batch path for re-scoring and files (the model scores all
    /// (text, mentioned target) pairs of the batch together). One result per text, in order.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TargetScore>> Score(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var prepared = new List<(StanceDocument Document, List<(TargetDefinition Target, List<Mention> Own)> Mentioned)>(texts.Count);
        var requests = new List<StanceRequest>();
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text);
            cancellationToken.ThrowIfCancellationRequested();
            var sentences = SentenceSegmenter.Split(text);
            var mentions = Targets.FindMentions(text, sentences);
            var byTarget = mentions.GroupBy(m => m.Target, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            var mentioned = Targets.Targets
                .Where(t => byTarget.ContainsKey(t.Name))
                .Select(t => (t, byTarget[t.Name]))
                .ToList();
            var document = new StanceDocument(text, sentences, mentions);
            prepared.Add((document, mentioned));
            requests.AddRange(mentioned.Select(m => new StanceRequest(document, m.t)));
        }

        var predictions = Model is not null && requests.Count > 0 ? Model.Predict(requests, cancellationToken) : null;
        var results = new IReadOnlyList<TargetScore>[texts.Count];
        var next = 0;
        for (var i = 0; i < prepared.Count; i++)
        {
            var (document, mentioned) = prepared[i];
            var scores = new List<TargetScore>(mentioned.Count);
            foreach (var (target, own) in mentioned)
            {
                var spans = own.Select(m => new TextSpan(m.Start, m.Length)).ToArray();
                if (predictions is null)
                {
                    scores.Add(new TargetScore
                    {
                        Target = target.Name,
                        Mentions = own.Count,
                        MentionSpans = spans,
                        Evidence = own.Select(m => m.SentenceIndex).Distinct().Take(MaxEvidence).Select(k => document.Sentences[k].Text).ToArray(),
                    });
                    continue;
                }

                var prediction = predictions[next++];
                scores.Add(new TargetScore
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

            results[i] = scores;
        }

        return results;
    }
}
