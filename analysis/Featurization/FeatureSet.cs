namespace StanceBoard.Analysis.Featurization;

/// <summary>What the model reads from a text.</summary>
public enum FeatureSet
{
    /// <summary>Word 1–3-gram and character 1–5-gram TF-IDF of the target-masked text.</summary>
    Ngrams = 0,

    /// <summary>The n-grams plus the text's MiniLM sentence embedding and its cosine with the target's embedding.</summary>
    NgramsEmbeddings = 1,
}
