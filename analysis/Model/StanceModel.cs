using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StanceBoard.Analysis.Embeddings;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Targets;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// The trained stance model: ML.NET chains (one per target with enough labels, one shared by
/// every other target), our text preparation in front of them (mention finding, target masking,
/// sentence pooling for long pieces), and the evidence sentences. Immutable and thread-safe;
/// made by <see cref="Training.StanceModelTrainer"/> or <see cref="Load(Stream, Func{Embeddings.ISentenceEmbedder})"/>.
/// </summary>
public sealed partial class StanceModel : IStanceModel
{
    /// <summary>The most evidence sentences returned per prediction.</summary>
    public const int MaxEvidence = 3;

    /// <summary>The most sentences of one long piece embedded per target; the rest use the mean of those.</summary>
    public const int MaxEmbeddedSentences = 8;

    private readonly Dictionary<string, ModelPart> _parts;
    private readonly TargetCatalog _knownCatalog;
    private readonly ConditionalWeakTable<TargetDefinition, TargetCatalog> _ownCatalogs = new();
    private readonly ConcurrentDictionary<string, float[]> _targetEmbeddings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<ISentenceEmbedder>? _embedder;

    internal StanceModel(StanceModelInfo info, ModelPart shared, IReadOnlyDictionary<string, ModelPart> parts, Func<ISentenceEmbedder>? embedder)
    {
        Info = info;
        Shared = shared;
        _parts = new Dictionary<string, ModelPart>(parts, StringComparer.OrdinalIgnoreCase);
        KnownTargets = info.KnownTargets.Select(t => new TargetDefinition(t.Name, t.Aliases)).ToArray();
        _knownCatalog = new TargetCatalog(KnownTargets);
        _embedder = info.Features == FeatureSet.NgramsEmbeddings
            ? embedder ?? (() => MiniLmEmbedder.Shared)
            : null;
    }

    /// <inheritdoc />
    public string Version => Info.Version;

    /// <summary>What the model is and how it was trained (saved with it).</summary>
    public StanceModelInfo Info { get; }

    /// <summary>What the model reads from a text.</summary>
    public FeatureSet Features => Info.Features;

    /// <summary>The targets with a model of their own; any other target is scored by the shared model.</summary>
    public IReadOnlyList<string> TrainedTargets => Info.TrainedTargets;

    /// <summary>Every target the model recognises mentions of, with the aliases it was trained with.</summary>
    public IReadOnlyList<TargetDefinition> KnownTargets { get; }

    internal ModelPart Shared { get; }

    internal IReadOnlyDictionary<string, ModelPart> Parts => _parts;

    /// <summary>Whether <paramref name="target"/> has labels in the training data (else the shared model scores it).</summary>
    public bool HasOwnModel(string target) => _parts.ContainsKey(target.Trim());

    /// <summary>The same model stamped with another version.</summary>
    public StanceModel WithVersion(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return new StanceModel(Info with { Version = version }, Shared, _parts, _embedder);
    }

    /// <summary>Predicts towards a target by name, with the aliases the model was trained with (or the name alone).</summary>
    public StancePrediction Predict(string text, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return Predict(text, Resolve(target));
    }

    /// <summary>The model's definition of <paramref name="target"/> (its trained aliases), or the name alone.</summary>
    public TargetDefinition Resolve(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return KnownTargets.FirstOrDefault(t => string.Equals(t.Name, target.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? new TargetDefinition(target, []);
    }

    /// <inheritdoc />
    public StancePrediction Predict(string text, TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        return Predict([new StanceRequest(Prepare(text, target), target)])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<StancePrediction> Predict(StanceDocument document, IReadOnlyList<TargetDefinition> targets)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(targets);
        return Predict(targets.Select(t => new StanceRequest(document, t)).ToArray());
    }

    /// <summary>
    /// Splits <paramref name="text"/>, finds the mentions of <paramref name="target"/> (with its
    /// aliases) and of the model's other known targets, so the text can be scored towards it.
    /// </summary>
    public StanceDocument Prepare(string text, TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        var sentences = Text.SentenceSegmenter.Split(text);
        var own = _ownCatalogs.GetValue(target, t => new TargetCatalog([t]));
        var mentions = own.FindMentions(text, sentences).ToList();
        var ownCount = mentions.Count;
        foreach (var other in _knownCatalog.FindMentions(text, sentences))
        {
            if (string.Equals(other.Target, target.Name, StringComparison.OrdinalIgnoreCase) || Overlaps(mentions, ownCount, other))
            {
                continue;
            }

            mentions.Add(other);
        }

        return new StanceDocument(text, sentences, mentions);
    }

    private static bool Overlaps(List<Mention> mentions, int count, Mention other)
    {
        // The target's own mentions are in text order: find the first ending after the other starts.
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].Start + mentions[mid].Length <= other.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < count && mentions[lo].Start < other.Start + other.Length;
    }

    private ModelPart PartFor(string target) => _parts.TryGetValue(target.Trim(), out var part) ? part : Shared;

    private float[] TargetEmbedding(string target, ISentenceEmbedder embedder) =>
        _targetEmbeddings.GetOrAdd(target.Trim(), name => embedder.Embed([name])[0]);
}
