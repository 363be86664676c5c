namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// How a (text, target) pair becomes a feature vector: word 1–3-grams and character 2–5-grams
/// of the normalised text, hashed into 2^<see cref="HashBits"/> buckets, pruned to the buckets seen
/// in training, weighted by sublinear TF × IDF and L2-normalised; for long texts the target's
/// context (sentences mentioning it and their neighbours) is mixed with the whole text.
/// </summary>
public sealed class FeaturizerOptions
{
    /// <summary>The defaults, chosen by principle (the SemEval-2016 n-gram ranges, standard TF-IDF), not tuned on a test set.</summary>
    public static class Defaults
    {
        /// <summary>20 bits: 1 M buckets, the hashing-trick default (scikit-learn), small enough for the training tables to stay in cache.</summary>
        public const int HashBits = 20;

        /// <summary>Word n-grams from 1 …</summary>
        public const int MinWordNgram = 1;

        /// <summary>… to 3 tokens.</summary>
        public const int MaxWordNgram = 3;

        /// <summary>Character n-grams from 2 …</summary>
        public const int MinCharNgram = 2;

        /// <summary>… to 5 characters.</summary>
        public const int MaxCharNgram = 5;

        /// <summary>A feature must occur in at least 2 training texts: one-off n-grams cannot generalise.</summary>
        public const int MinDocumentFrequency = 2;

        /// <summary>No cap on the vocabulary size (0).</summary>
        public const int MaxFeatures = 0;

        /// <summary>Sentences on each side of a mentioning sentence that belong to the target's context.</summary>
        public const int ContextNeighbours = 1;

        /// <summary>Weight of the target's context against the whole text (0.6) when the two differ.</summary>
        public const double ContextWeight = 0.6;

        /// <summary>Tokens on each side of a target mention that also count as "near the target" (3).</summary>
        public const int NearWindow = 3;

        /// <summary>Scale of the per-target copy of each feature relative to the shared one (1).</summary>
        public const double TargetCopyWeight = 1.0;
    }

    /// <summary>Bits of the feature hash (12–24).</summary>
    /// <value><see cref="Defaults.HashBits"/>.</value>
    public int HashBits { get; set; } = Defaults.HashBits;

    /// <summary>Shortest word n-gram (≥ 1).</summary>
    /// <value><see cref="Defaults.MinWordNgram"/>.</value>
    public int MinWordNgram { get; set; } = Defaults.MinWordNgram;

    /// <summary>Longest word n-gram (≤ 5); 0 turns word n-grams off.</summary>
    /// <value><see cref="Defaults.MaxWordNgram"/>.</value>
    public int MaxWordNgram { get; set; } = Defaults.MaxWordNgram;

    /// <summary>Shortest character n-gram (≥ 1).</summary>
    /// <value><see cref="Defaults.MinCharNgram"/>.</value>
    public int MinCharNgram { get; set; } = Defaults.MinCharNgram;

    /// <summary>Longest character n-gram (≤ 8); 0 turns character n-grams off.</summary>
    /// <value><see cref="Defaults.MaxCharNgram"/>.</value>
    public int MaxCharNgram { get; set; } = Defaults.MaxCharNgram;

    /// <summary>
    /// Whether character n-grams stay within words (each word padded with a space at each end,
    /// scikit-learn's <c>char_wb</c>), which lets them be cached per word and leaves what
    /// crosses words to the word n-grams; otherwise they run over the sentence's tokens joined
    /// by spaces, as in the SemEval-2016 SVM-ngrams baseline.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool CharNgramsWithinWords { get; set; } = true;

    /// <summary>Fewest training texts a feature must occur in to be kept.</summary>
    /// <value><see cref="Defaults.MinDocumentFrequency"/>.</value>
    public int MinDocumentFrequency { get; set; } = Defaults.MinDocumentFrequency;

    /// <summary>Most features kept, the most frequent first; 0 keeps all.</summary>
    /// <value><see cref="Defaults.MaxFeatures"/>.</value>
    public int MaxFeatures { get; set; } = Defaults.MaxFeatures;

    /// <summary>Whether term frequencies are damped to 1 + ln(tf).</summary>
    /// <value><see langword="true"/>.</value>
    public bool SublinearTf { get; set; } = true;

    /// <summary>
    /// Whether mentions of the target are replaced by a target marker and mentions of other
    /// known targets by an "other target" marker, so "Ankara backed Baku" reads differently
    /// for Turkey and for Azerbaijan, and what is learnt about one target carries over to another.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool MaskTargets { get; set; } = true;

    /// <summary>Sentences on each side of a mentioning sentence that belong to the target's context.</summary>
    /// <value><see cref="Defaults.ContextNeighbours"/>.</value>
    public int ContextNeighbours { get; set; } = Defaults.ContextNeighbours;

    /// <summary>Weight (0–1) of the target's context against the whole text when the context is not the whole text.</summary>
    /// <value><see cref="Defaults.ContextWeight"/>.</value>
    public double ContextWeight { get; set; } = Defaults.ContextWeight;

    /// <summary>Tokens on each side of a target mention whose words also become "near the target" features; 0 turns them off.</summary>
    /// <value><see cref="Defaults.NearWindow"/>.</value>
    public int NearWindow { get; set; } = Defaults.NearWindow;

    /// <summary>Scale of the per-target feature copy (0 turns target-conditioned features off).</summary>
    /// <value><see cref="Defaults.TargetCopyWeight"/>.</value>
    public double TargetCopyWeight { get; set; } = Defaults.TargetCopyWeight;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HashBits, 12, nameof(HashBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HashBits, 24, nameof(HashBits));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinWordNgram, 1, nameof(MinWordNgram));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxWordNgram, 5, nameof(MaxWordNgram));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinCharNgram, 1, nameof(MinCharNgram));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxCharNgram, 8, nameof(MaxCharNgram));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinDocumentFrequency, 1, nameof(MinDocumentFrequency));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFeatures, nameof(MaxFeatures));
        ArgumentOutOfRangeException.ThrowIfNegative(ContextNeighbours, nameof(ContextNeighbours));
        ArgumentOutOfRangeException.ThrowIfNegative(NearWindow, nameof(NearWindow));
        if (ContextWeight is < 0 or > 1 || double.IsNaN(ContextWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(ContextWeight), ContextWeight, "must be between 0 and 1");
        }

        if (TargetCopyWeight is < 0 or > 10 || double.IsNaN(TargetCopyWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetCopyWeight), TargetCopyWeight, "must be between 0 and 10");
        }

        if (MaxWordNgram == 0 && MaxCharNgram == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWordNgram), "word and character n-grams cannot both be off");
        }
    }

    /// <summary>A copy of these options.</summary>
    public FeaturizerOptions Clone() => (FeaturizerOptions)MemberwiseClone();
}
