using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// The ML.NET text step: word 1–3-grams and character 1–5-grams (ML.NET offers 1..N or exactly
/// N, not 2–5), TF-IDF weighted, each block L2-normalised. The text it reads is already
/// normalised by our own step (folded lower case, URLs/handles/numbers as markers, hashtags
/// split, target mentions masked; see <see cref="TokenizedDocument"/>), so ML.NET's own
/// normalisation is off and its tokenizer splits on the spaces we put.
/// </summary>
internal static class NgramFeaturizer
{
    public const string OutputColumn = "Ngrams";

    /// <summary>
    /// N-grams kept per length (ML.NET keeps every n-gram seen by default: a model of 20,000
    /// synthetic short texts held 497 MB of dictionaries). 50,000 per length bounds a model to
    /// 400,000 n-grams whatever the data's size.
    /// </summary>
    public const int MaxNgramsPerLength = 50_000;

    public static TextFeaturizingEstimator.Options Options() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        StopWordsRemoverOptions = null,
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 3,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            MaximumNgramsCount = Enumerable.Repeat(MaxNgramsPerLength, 3).ToArray(),
        },
        CharFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 5,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            MaximumNgramsCount = Enumerable.Repeat(MaxNgramsPerLength, 5).ToArray(),
        },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    public static IEstimator<ITransformer> Estimator(MLContext context) =>
        context.Transforms.Text.FeaturizeText(OutputColumn, Options(), ModelInput.TextColumn);
}
