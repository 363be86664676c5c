using System.Runtime.InteropServices;
using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>Scoring one target: features, margins, probabilities and evidence.</summary>
public sealed partial class StanceClassifier
{
    /// <summary>A target name no mention carries, to featurize a sentence as seen by a target it does not name.</summary>
    private const string NoTarget = "\u0000";

    private StancePrediction PredictOne(StanceDocument document, TokenizedDocument tokens, string target, int[]?[] shared, PredictionScratch scratch)
    {
        var options = FeaturizerOptions;
        var targetIndex = _trainedIndex.TryGetValue(target, out var index) ? index : -1;
        var lambda = targetIndex >= 0 ? (float)options.TargetCopyWeight : 0f;
        if (tokens.SentenceCount > Training.MaxSentences)
        {
            var mentioning = Enumerable.Range(0, tokens.SentenceCount).Where(s => tokens.Mentions(s, target)).ToList();
            if (mentioning.Count > 0)
            {
                return PredictBySentences(document, tokens, target, mentioning, targetIndex, lambda, scratch);
            }
        }

        var context = tokens.ContextOf(target, options.ContextNeighbours);
        var builder = scratch.Builder;
        var sentenceSlots = new int[tokens.SentenceCount][];
        for (var s = 0; s < tokens.SentenceCount; s++)
        {
            // A sentence that does not name this target reads the same for every such target
            // (any mention in it is "another target"), so it is featurized once per document.
            var columns = tokens.SentenceHasMention[s] && tokens.Mentions(s, target)
                ? Slots(tokens, s, target, scratch)
                : shared[s] ??= Slots(tokens, s, NoTarget, scratch);
            sentenceSlots[s] = columns;
            var inContext = context is not null && context[s];
            foreach (var col in columns)
            {
                builder.AddDocument(col, 1);
                if (inContext)
                {
                    builder.AddContext(col, 1);
                }
            }
        }

        var (cols, vals) = builder.Build(Rows.Idf, options, context is not null);
        Span<double> margins = stackalloc double[3];
        Margins(cols, vals, targetIndex, lambda, margins);
        Span<double> p = stackalloc double[3];
        Calibrator.Probabilities(margins, p);
        var predicted = ArgMax(p);
        var evidence = Evidence(document, tokens, target, sentenceSlots, cols, vals, predicted, targetIndex, lambda, scratch);
        builder.Clear();
        return new StancePrediction(predicted, p[(int)Stance.Favor], p[(int)Stance.Against], p[(int)Stance.None], evidence);
    }

    /// <summary>
    /// A text longer than any training text is out of the model's distribution as a whole, so it
    /// is scored the way the model was trained: each sentence naming the target is featurized as
    /// a short text and scored, and the sentence probabilities are averaged. Only those sentences
    /// are featurized. The evidence is the sentences that most favour the verdict.
    /// </summary>
    private StancePrediction PredictBySentences(
        StanceDocument document,
        TokenizedDocument tokens,
        string target,
        List<int> sentences,
        int targetIndex,
        float lambda,
        PredictionScratch scratch)
    {
        var builder = scratch.Builder;
        var perSentence = new double[sentences.Count * 3];
        var row = Rows.Row(targetIndex);
        Span<double> margins = stackalloc double[3];
        Span<double> mean = stackalloc double[3];
        for (var k = 0; k < sentences.Count; k++)
        {
            CountSentence(tokens, sentences[k], target, scratch);
            builder.ScoreAndClear(row, FeaturizerOptions.SublinearTf, margins);
            AddBiases(targetIndex, lambda, margins);
            var p = perSentence.AsSpan(k * 3, 3);
            Calibrator.Probabilities(margins, p);
            for (var c = 0; c < 3; c++)
            {
                mean[c] += p[c] / sentences.Count;
            }
        }

        var predicted = ArgMax(mean);
        var pc = (int)predicted;
        var ranked = Enumerable.Range(0, sentences.Count)
            .Select(k => (Sentence: sentences[k], Support: perSentence[(k * 3) + pc] - Math.Max(perSentence[(k * 3) + ((pc + 1) % 3)], perSentence[(k * 3) + ((pc + 2) % 3)])))
            .OrderByDescending(x => x.Support)
            .ThenBy(x => x.Sentence)
            .ToList();
        var chosen = ranked.Where(x => x.Support > 0).Take(MaxEvidence).ToList();
        if (chosen.Count == 0)
        {
            chosen = ranked.Take(1).ToList();
        }

        return new StancePrediction(
            predicted,
            mean[(int)Stance.Favor],
            mean[(int)Stance.Against],
            mean[(int)Stance.None],
            chosen.Select(x => document.Sentences[x.Sentence].Text).ToArray());
    }

    private void AddBiases(int targetIndex, float lambda, Span<double> margins)
    {
        for (var c = 0; c < 3; c++)
        {
            margins[c] += Biases[c] + (targetIndex >= 0 ? lambda * Biases[((1 + targetIndex) * 3) + c] : 0);
        }
    }

    private void Margins(int[] cols, float[] vals, int targetIndex, float lambda, Span<double> margins)
    {
        for (var c = 0; c < 3; c++)
        {
            margins[c] = Biases[c] + (targetIndex >= 0 ? lambda * Biases[((1 + targetIndex) * 3) + c] : 0);
        }

        var row = Rows.Row(targetIndex);
        for (var k = 0; k < cols.Length; k++)
        {
            var v = vals[k];
            var at = cols[k] * ScoringRows.Stride;
            margins[0] += v * row[at];
            margins[1] += v * row[at + 1];
            margins[2] += v * row[at + 2];
        }
    }

    private static Stance ArgMax(ReadOnlySpan<double> p) =>
        p[1] >= p[0] && p[1] >= p[2] ? Stance.Favor : p[2] >= p[0] ? Stance.Against : Stance.None;

    /// <summary>Counts the slots of sentence <paramref name="s"/> as seen by <paramref name="target"/> into the scratch's vector builder, in the order <see cref="Slots"/> lists them.</summary>
    private void CountSentence(TokenizedDocument tokens, int s, string target, PredictionScratch scratch)
    {
        var builder = scratch.Builder;
        if (!FeaturizerOptions.CharNgramsWithinWords)
        {
            foreach (var col in Slots(tokens, s, target, scratch))
            {
                builder.AddDocument(col, 1);
            }

            return;
        }

        // As SentenceNgrams.EmitWords and the character n-grams of each token, in the same order,
        // with each token's hash, unigram and character n-grams from the scratch's cache.
        var masked = scratch.Masked;
        var positions = scratch.Positions;
        var features = scratch.Features;
        tokens.MaskedTokens(s, target, FeaturizerOptions.MaskTargets, masked, positions);
        features.Clear();
        var n = masked.Count;
        Span<uint> hashes = n <= 256 ? stackalloc uint[n] : new uint[n];
        for (var i = 0; i < n; i++)
        {
            var f = scratch.TokenFeatures(positions[i], masked[i]);
            features.Add(f);
            hashes[i] = (uint)f[PredictionScratch.HashAt];
        }

        var min = FeaturizerOptions.MinWordNgram;
        var max = FeaturizerOptions.MaxWordNgram;
        var mask = (uint)((1 << FeaturizerOptions.HashBits) - 1);
        for (var i = 0; i < n; i++)
        {
            var h = NgramHashing.WordSeed;
            var last = Math.Min(n, i + max);
            for (var j = i; j < last; j++)
            {
                h = NgramHashing.Combine(h, hashes[j]);
                var length = j - i + 1;
                if (length < min)
                {
                    continue;
                }

                var slot = length == 1 ? features[i][PredictionScratch.UnigramAt] : Rows.SlotOf((int)(NgramHashing.Combine(h, (uint)length) & mask));
                if (slot >= 0)
                {
                    builder.AddDocument(slot, 1);
                }
            }
        }

        var sink = new ColumnSink(Rows, builder, (int)mask);
        SentenceNgrams.EmitNear(CollectionsMarshal.AsSpan(masked), hashes, FeaturizerOptions, ref sink);
        foreach (var f in CollectionsMarshal.AsSpan(features))
        {
            builder.AddDocument(f.AsSpan(PredictionScratch.CharsAt));
        }
    }

    private int[] Slots(TokenizedDocument tokens, int s, string target, PredictionScratch scratch)
    {
        var buckets = scratch.Buckets;
        buckets.Clear();
        var withinWords = FeaturizerOptions.CharNgramsWithinWords;
        if (withinWords)
        {
            scratch.Hasher.Words(tokens, s, target, buckets);
        }
        else
        {
            scratch.Hasher.Sentence(tokens, s, target, buckets);
        }

        var count = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            var col = Rows.SlotOf(buckets[i]);
            if (col >= 0)
            {
                buckets[count++] = col;
            }
        }

        buckets.RemoveRange(count, buckets.Count - count);
        if (withinWords)
        {
            foreach (var token in scratch.Hasher.LastTokens)
            {
                buckets.AddRange(scratch.TokenFeatures(token).AsSpan(PredictionScratch.CharsAt));
            }
        }

        return buckets.ToArray();
    }

    /// <summary>
    /// Ranks candidate sentences (those mentioning the target, or all when none does) by how much
    /// their features push the predicted class over the others: each feature's contribution
    /// v_f · (w_pred,f − mean of the other classes' w_f) is shared among the sentences holding it
    /// in proportion to their counts.
    /// </summary>
    private string[] Evidence(
        StanceDocument document,
        TokenizedDocument tokens,
        string target,
        int[][] sentenceSlots,
        int[] cols,
        float[] vals,
        Stance predicted,
        int targetIndex,
        float lambda,
        PredictionScratch scratch)
    {
        if (tokens.SentenceCount == 0)
        {
            return [];
        }

        var values = scratch.Values;
        for (var k = 0; k < cols.Length; k++)
        {
            values[cols[k]] = vals[k];
        }

        var candidates = Enumerable.Range(0, tokens.SentenceCount).Where(s => tokens.Mentions(s, target)).ToList();
        if (candidates.Count == 0)
        {
            candidates = Enumerable.Range(0, tokens.SentenceCount).ToList();
        }

        var pc = (int)predicted;
        var o1 = (pc + 1) % 3;
        var o2 = (pc + 2) % 3;
        var copies = 1 + TrainedTargets.Count;
        var scored = new List<(int Sentence, double Contribution)>(candidates.Count);
        foreach (var s in candidates)
        {
            double sum = 0;
            foreach (var col in sentenceSlots[s])
            {
                var at = Rows.ColumnOf(col) * copies * 3;
                double margin = Weights[at + pc] - (0.5 * (Weights[at + o1] + Weights[at + o2]));
                if (targetIndex >= 0)
                {
                    var own = at + ((1 + targetIndex) * 3);
                    margin += lambda * (Weights[own + pc] - (0.5 * (Weights[own + o1] + Weights[own + o2])));
                }

                sum += values[col] / scratch.Builder.DocumentCount(col) * margin;
            }

            scored.Add((s, sum));
        }

        for (var k = 0; k < cols.Length; k++)
        {
            values[cols[k]] = 0;
        }

        var ranked = scored.OrderByDescending(x => x.Contribution).ThenBy(x => x.Sentence).ToList();
        var positive = ranked.Where(x => x.Contribution > 0).Take(MaxEvidence).ToList();
        var chosen = positive.Count > 0 ? positive : ranked.Take(1).ToList();
        return chosen.Select(x => document.Sentences[x.Sentence].Text).ToArray();
    }
}
