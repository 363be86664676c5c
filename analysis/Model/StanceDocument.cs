using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// A text prepared once for scoring towards several targets: its sentences and the mentions
/// of every known target. Immutable and thread-safe; tokenization is done once, on first use.
/// </summary>
public sealed class StanceDocument
{
    private readonly Lazy<TokenizedDocument> _tokens;

    /// <summary>Creates a document from a text and what has already been found in it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="sentences">Its sentences, from <see cref="SentenceSegmenter.Split"/>.</param>
    /// <param name="mentions">Mentions of every known target, from <see cref="TargetCatalog.FindMentions"/>.</param>
    public StanceDocument(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<Mention> mentions)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Sentences = sentences ?? throw new ArgumentNullException(nameof(sentences));
        Mentions = mentions ?? throw new ArgumentNullException(nameof(mentions));
        _tokens = new Lazy<TokenizedDocument>(() => TokenizedDocument.Create(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Splits <paramref name="text"/> into sentences and finds the mentions of the targets in <paramref name="targets"/>.</summary>
    public static StanceDocument Create(string text, TargetCatalog targets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(targets);
        var sentences = SentenceSegmenter.Split(text);
        return new StanceDocument(text, sentences, targets.FindMentions(text, sentences));
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>Its sentences.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Mentions of every known target.</summary>
    public IReadOnlyList<Mention> Mentions { get; }

    internal TokenizedDocument Tokens => _tokens.Value;
}
