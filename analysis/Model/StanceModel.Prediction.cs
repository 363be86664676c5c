using StanceBoard.Analysis.Embeddings;
using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>The batch path: requests become rows, rows are scored per model part in one Transform each, rows become predictions.</summary>
public sealed partial class StanceModel
{
    /// <inheritdoc />
    public IReadOnlyList<StancePrediction> Predict(IReadOnlyList<StanceRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var plans = new Plan[requests.Count];
        var byPart = new Dictionary<ModelPart, List<ModelInput>>();
        var embedTexts = new List<(ModelInput Row, string? Text, string Target, List<float[]>? Group, ModelInput? Source)>();
        for (var r = 0; r < requests.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (document, target) = (requests[r].Document, requests[r].Target);
            var part = PartFor(target.Name);
            if (!byPart.TryGetValue(part, out var rows))
            {
                byPart[part] = rows = [];
            }

            plans[r] = PlanRows(document, target.Name, part, rows, embedTexts);
        }

        if (_embedder is not null && embedTexts.Count > 0)
        {
            FillEmbeddings(embedTexts, cancellationToken);
        }

        var scores = new Dictionary<ModelPart, float[][]>();
        foreach (var (part, rows) in byPart)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scores[part] = part.Score(rows);
        }

        var results = new StancePrediction[requests.Count];
        for (var r = 0; r < requests.Count; r++)
        {
            var plan = plans[r];
            results[r] = Finish(requests[r].Document, plan, scores[plan.Part]);
        }

        return results;
    }

    /// <summary>
    /// How one request is scored. Whole: row 0 is the whole text (what the model was trained on),
    /// and when several sentences could be evidence each is scored too, to rank them. Pooled (a
    /// text longer than any training text): one row per sentence naming the target, averaged.
    /// </summary>
    private sealed record Plan(ModelPart Part, int FirstRow, bool Pooled, int[] Sentences);

    private Plan PlanRows(
        StanceDocument document,
        string target,
        ModelPart part,
        List<ModelInput> rows,
        List<(ModelInput Row, string? Text, string Target, List<float[]>? Group, ModelInput? Source)> embedTexts)
    {
        var tokens = document.Tokens;
        var mentioning = new List<int>();
        for (var s = 0; s < tokens.SentenceCount; s++)
        {
            if (tokens.Mentions(s, target))
            {
                mentioning.Add(s);
            }
        }

        var first = rows.Count;
        if (tokens.SentenceCount > Info.MaxSentences && mentioning.Count > 0)
        {
            // Embed at most MaxEmbeddedSentences of them, evenly spread; the others get their mean.
            var group = _embedder is null ? null : new List<float[]>();
            var step = Math.Max(1, (int)Math.Ceiling(mentioning.Count / (double)MaxEmbeddedSentences));
            for (var k = 0; k < mentioning.Count; k++)
            {
                var row = new ModelInput { Text = tokens.MaskedText([mentioning[k]], target, mask: true) };
                rows.Add(row);
                if (_embedder is not null)
                {
                    embedTexts.Add((row, k % step == 0 ? document.Sentences[mentioning[k]].Text : null, target, group, null));
                }
            }

            return new Plan(part, first, Pooled: true, mentioning.ToArray());
        }

        var whole = new ModelInput { Text = tokens.MaskedText(Enumerable.Range(0, tokens.SentenceCount), target, mask: true) };
        rows.Add(whole);
        if (_embedder is not null)
        {
            embedTexts.Add((whole, document.Text, target, null, null));
        }

        var candidates = mentioning.Count > 0 ? mentioning : Enumerable.Range(0, tokens.SentenceCount).ToList();
        if (candidates.Count <= 1)
        {
            return new Plan(part, first, Pooled: false, candidates.ToArray());
        }

        foreach (var s in candidates)
        {
            var row = new ModelInput { Text = tokens.MaskedText([s], target, mask: true) };
            rows.Add(row);
            if (_embedder is not null)
            {
                // Evidence rows are ranked by their words; they share the whole text's embedding.
                embedTexts.Add((row, null, target, null, whole));
            }
        }

        return new Plan(part, first, Pooled: false, candidates.ToArray());
    }

    private void FillEmbeddings(List<(ModelInput Row, string? Text, string Target, List<float[]>? Group, ModelInput? Source)> items, CancellationToken cancellationToken)
    {
        var embedder = _embedder!();
        var texts = items.Where(i => i.Text is not null).Select(i => i.Text!).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = embedder.Embed(texts, cancellationToken);
        var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            byText[texts[i]] = vectors[i];
        }

        // First the rows with their own text (the members of each long piece's group), then the rest.
        foreach (var item in items.Where(i => i.Text is not null))
        {
            var u = byText[item.Text!];
            item.Group?.Add(u);
            item.Row.Dense = DenseFeatures.Build(u, TargetEmbedding(item.Target, embedder), Info.EmbeddingInteractions);
        }

        // The members that were not embedded share one block per group: their group's mean.
        var means = new Dictionary<List<float[]>, float[]>(ReferenceEqualityComparer.Instance);
        foreach (var item in items.Where(i => i.Text is null))
        {
            if (item.Source is not null)
            {
                item.Row.Dense = item.Source.Dense; // an evidence row: the whole text's dense block
                continue;
            }

            if (!means.TryGetValue(item.Group!, out var dense))
            {
                means[item.Group!] = dense = DenseFeatures.Build(DenseFeatures.Mean(item.Group!), TargetEmbedding(item.Target, embedder), Info.EmbeddingInteractions);
            }

            item.Row.Dense = dense;
        }
    }

    private static StancePrediction Finish(StanceDocument document, Plan plan, float[][] scores)
    {
        var p = new double[3];
        int[] rows;
        if (plan.Pooled)
        {
            rows = Enumerable.Range(plan.FirstRow, plan.Sentences.Length).ToArray();
            foreach (var row in rows)
            {
                for (var c = 0; c < 3; c++)
                {
                    p[c] += scores[row][c] / rows.Length;
                }
            }
        }
        else
        {
            for (var c = 0; c < 3; c++)
            {
                p[c] = scores[plan.FirstRow][c];
            }

            rows = plan.Sentences.Length > 1 ? Enumerable.Range(plan.FirstRow + 1, plan.Sentences.Length).ToArray() : [];
        }

        var total = p[0] + p[1] + p[2];
        for (var c = 0; c < 3; c++)
        {
            p[c] = total > 0 ? p[c] / total : 1.0 / 3;
        }

        var predicted = ArgMax(p);
        string[] evidence;
        if (rows.Length == 0)
        {
            evidence = plan.Sentences.Select(s => document.Sentences[s].Text).ToArray();
        }
        else
        {
            var pc = (int)predicted;
            var ranked = rows
                .Select((row, k) => (Sentence: plan.Sentences[k], Support: scores[row][pc] - Math.Max(scores[row][(pc + 1) % 3], scores[row][(pc + 2) % 3])))
                .OrderByDescending(x => x.Support)
                .ThenBy(x => x.Sentence)
                .ToList();
            var chosen = ranked.Where(x => x.Support > 0).Take(MaxEvidence).ToList();
            if (chosen.Count == 0)
            {
                chosen = ranked.Take(1).ToList();
            }

            evidence = chosen.Select(x => document.Sentences[x.Sentence].Text).ToArray();
        }

        return new StancePrediction(predicted, p[(int)Stance.Favor], p[(int)Stance.Against], p[(int)Stance.None], evidence);
    }

    private static Stance ArgMax(double[] p) =>
        p[1] >= p[0] && p[1] >= p[2] ? Stance.Favor : p[2] >= p[0] ? Stance.Against : Stance.None;
}
