using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Text;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>
/// What a labelled piece is trained on towards one target: the sentences that name the target and
/// those the annotators marked as evidence, in text order. A piece's stance towards a target is
/// carried by those sentences, and it is how the model scores a piece longer than its training
/// texts (sentence by sentence over the sentences naming the target); a whole commentary piece
/// would cost several times more to train on and add mostly text about other things. A short text
/// (three sentences or fewer), or one that never names the target, is kept whole.
/// </summary>
public static class TrainingPassages
{
    public const int KeepWholeUpTo = 3;

    public static string Extract(string text, string target, IReadOnlyList<int> evidence, TargetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        var sentences = SentenceSegmenter.Split(text);
        return Extract(text, target, evidence, sentences, sentences.Count <= KeepWholeUpTo ? [] : catalog.FindMentions(text, sentences));
    }

    /// <summary>The same, from a text's sentences and mentions found once for all its targets.</summary>
    public static string Extract(string text, string target, IReadOnlyList<int> evidence, IReadOnlyList<Sentence> sentences, IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(mentions);
        if (sentences.Count <= KeepWholeUpTo)
        {
            return text;
        }

        var chosen = mentions
            .Where(m => string.Equals(m.Target, target, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.SentenceIndex)
            .Concat(evidence.Where(i => i >= 0 && i < sentences.Count))
            .Distinct()
            .Order()
            .ToArray();
        return chosen.Length == 0 ? text : string.Join(" ", chosen.Select(i => sentences[i].Text));
    }
}
