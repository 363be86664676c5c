using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// The trained stance model: a linear classifier over target-conditioned TF-IDF n-gram
/// features with calibrated probabilities. Immutable and thread-safe; made by
/// <see cref="StanceTrainer.Fit"/> or <see cref="Load(Stream)"/>.
/// </summary>
public sealed partial class StanceClassifier : IStanceModel
{
    /// <summary>The most evidence sentences returned per prediction.</summary>
    public const int MaxEvidence = 3;

    private readonly ConcurrentBag<PredictionScratch> _scratch = [];
    private readonly ConditionalWeakTable<TargetDefinition, TargetCatalog> _ownCatalogs = new();
    private readonly Dictionary<string, int> _trainedIndex;
    private readonly TargetCatalog _knownCatalog;

    private StanceClassifier(
        string version,
        FeaturizerOptions featurizer,
        IReadOnlyList<TargetDefinition> known,
        IReadOnlyList<string> trained,
        Vocabulary vocabulary,
        float[] weights,
        float[] biases,
        ProbabilityCalibrator calibrator,
        TrainingSummary summary)
    {
        Version = version;
        FeaturizerOptions = featurizer;
        KnownTargets = known;
        TrainedTargets = trained;
        Vocabulary = vocabulary;
        Weights = weights;
        Biases = biases;
        Calibrator = calibrator;
        Training = summary;
        _trainedIndex = trained.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);
        _knownCatalog = new TargetCatalog(known);
        Rows = new ScoringRows(weights, vocabulary, 1 + trained.Count, (float)featurizer.TargetCopyWeight);
    }

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>The targets the model has its own weights for (any other target uses the shared weights alone).</summary>
    public IReadOnlyList<string> TrainedTargets { get; }

    /// <summary>Every target the model recognises mentions of, with the aliases it was trained with.</summary>
    public IReadOnlyList<TargetDefinition> KnownTargets { get; }

    /// <summary>What the model was trained on and how.</summary>
    public TrainingSummary Training { get; }

    internal FeaturizerOptions FeaturizerOptions { get; }

    internal Vocabulary Vocabulary { get; }

    /// <summary>Weights: index ((column · (1 + T)) + copy) · 3 + class, copy 0 shared and copy 1 + t target t's, so one feature's weights are adjacent.</summary>
    internal float[] Weights { get; }

    /// <summary>Biases: index copy · 3 + class.</summary>
    internal float[] Biases { get; }

    internal ProbabilityCalibrator Calibrator { get; }

    /// <summary>The weights laid out for scoring, per target, over slots (see <see cref="ScoringRows"/>).</summary>
    internal ScoringRows Rows { get; }

    /// <summary>The same model stamped with another version (weights are shared, not copied).</summary>
    public StanceClassifier WithVersion(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return new StanceClassifier(version, FeaturizerOptions, KnownTargets, TrainedTargets, Vocabulary, Weights, Biases, Calibrator, Training);
    }

    /// <summary>Predicts towards a target by name, with the aliases the model was trained with (or the name alone).</summary>
    public StancePrediction Predict(string text, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var definition = KnownTargets.FirstOrDefault(t => string.Equals(t.Name, target.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? new TargetDefinition(target, []);
        return Predict(text, definition);
    }

    /// <inheritdoc />
    public StancePrediction Predict(string text, TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        var sentences = Text.SentenceSegmenter.Split(text);
        var own = _ownCatalogs.GetValue(target, t => new TargetCatalog([t]));
        var mentions = own.FindMentions(text, sentences).ToList();
        foreach (var other in _knownCatalog.FindMentions(text, sentences))
        {
            if (string.Equals(other.Target, target.Name, StringComparison.OrdinalIgnoreCase)
                || mentions.Any(m => m.Start < other.Start + other.Length && other.Start < m.Start + m.Length))
            {
                continue;
            }

            mentions.Add(other);
        }

        return Predict(new StanceDocument(text, sentences, mentions), [target])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<StancePrediction> Predict(StanceDocument document, IReadOnlyList<TargetDefinition> targets)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(targets);
        var scratch = _scratch.TryTake(out var pooled) ? pooled : new PredictionScratch(FeaturizerOptions, Rows);
        try
        {
            var tokens = document.Tokens;
            scratch.Begin(tokens);
            var shared = new int[]?[tokens.SentenceCount];
            var results = new StancePrediction[targets.Count];
            for (var t = 0; t < targets.Count; t++)
            {
                results[t] = PredictOne(document, tokens, targets[t].Name, shared, scratch);
            }

            return results;
        }
        finally
        {
            scratch.End();
            _scratch.Add(scratch);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StancePrediction> Predict(IReadOnlyList<StanceRequest> requests, CancellationToken cancellationToken = default) =>
        requests.Select(r => Predict(r.Document, [r.Target])[0]).ToArray();

    internal static StanceClassifier Create(
        string version,
        FeaturizerOptions featurizer,
        IReadOnlyList<TargetDefinition> known,
        IReadOnlyList<TargetDefinition> trained,
        Vocabulary vocabulary,
        double[][] svmWeights,
        ProbabilityCalibrator calibrator,
        TrainingSummary summary)
    {
        var layout = new FeatureLayout(vocabulary.Count, trained.Count);
        var copies = layout.Copies;
        var weights = new float[copies * vocabulary.Count * 3];
        var biases = new float[copies * 3];
        for (var c = 0; c < 3; c++)
        {
            var w = svmWeights[c];
            for (var f = 0; f < vocabulary.Count; f++)
            {
                for (var copy = 0; copy < copies; copy++)
                {
                    weights[(layout.Index(f, copy) * 3) + c] = (float)w[layout.Index(f, copy)];
                }
            }

            for (var copy = 0; copy < copies; copy++)
            {
                biases[(copy * 3) + c] = (float)w[layout.Bias(copy)];
            }
        }

        return new StanceClassifier(version, featurizer, known, trained.Select(t => t.Name).ToArray(), vocabulary, weights, biases, calibrator, summary);
    }

    internal static StanceClassifier FromParts(
        string version,
        FeaturizerOptions featurizer,
        IReadOnlyList<TargetDefinition> known,
        IReadOnlyList<string> trained,
        Vocabulary vocabulary,
        float[] weights,
        float[] biases,
        ProbabilityCalibrator calibrator,
        TrainingSummary summary) =>
        new(version, featurizer, known, trained, vocabulary, weights, biases, calibrator, summary);
}
