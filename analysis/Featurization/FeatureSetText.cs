namespace StanceBoard.Analysis.Featurization;

/// <summary>The text form of <see cref="FeatureSet"/> used on the command line, in model files and on the Model page.</summary>
public static class FeatureSetText
{
    /// <summary>"ngrams" or "ngrams+embeddings".</summary>
    public static string ToText(FeatureSet features) => features == FeatureSet.NgramsEmbeddings ? "ngrams+embeddings" : "ngrams";

    /// <summary>Parses "ngrams" or "ngrams+embeddings" (any case).</summary>
    public static bool TryParse(string? text, out FeatureSet features)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "ngrams":
                features = FeatureSet.Ngrams;
                return true;
            case "ngrams+embeddings" or "embeddings":
                features = FeatureSet.NgramsEmbeddings;
                return true;
            default:
                features = FeatureSet.Ngrams;
                return false;
        }
    }
}
