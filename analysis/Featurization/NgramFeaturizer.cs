using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// The ML.NET text step: word and character n-grams (lengths from <see cref="StanceModelTrainerOptions"/>),
/// weighted, each block L2-normalised. The text it reads is already normalised by our own step
/// (folded lower case, URLs/handles/numbers as markers, hashtags split, target mentions masked;
/// see <see cref="TokenizedDocument"/>), so ML.NET's own normalisation is off and its tokenizer
/// splits on the spaces we put.
/// </summary>
/// <remarks>
/// <c>FeaturizeText</c> extracts n-grams of lengths 1..N (or exactly N); a minimum length above 1 is
/// had by a dictionary limit of 0 for the shorter lengths (<c>MaximumNgramsCount</c> is per length,
/// and ML.NET accepts 0 for any length but the longest), so those n-grams never enter the
/// dictionary and never become features. Characters only: for words the first limit also sizes
/// the word dictionary, so word n-grams always start at 1.
/// </remarks>
internal static class NgramFeaturizer
{
    public const string OutputColumn = "Ngrams";

    public static TextFeaturizingEstimator.Options Options(StanceModelTrainerOptions options) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        StopWordsRemoverOptions = null,
        WordFeatureExtractor = Extractor(1, options.WordNgramMaxLength, options),
        CharFeatureExtractor = Extractor(options.ResolvedCharNgramMinLength, options.CharNgramMaxLength, options),
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    public static IEstimator<ITransformer> Estimator(MLContext context, StanceModelTrainerOptions options) =>
        context.Transforms.Text.FeaturizeText(OutputColumn, Options(options), ModelInput.TextColumn);

    private static WordBagEstimator.Options? Extractor(int min, int max, StanceModelTrainerOptions options) => max == 0 ? null : new()
    {
        NgramLength = max,
        UseAllLengths = true,
        Weighting = options.NgramWeighting switch
        {
            NgramWeighting.Idf => NgramExtractingEstimator.WeightingCriteria.Idf,
            NgramWeighting.Tf => NgramExtractingEstimator.WeightingCriteria.Tf,
            _ => NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        MaximumNgramsCount = Enumerable.Range(1, max).Select(n => n < min ? 0 : options.MaxNgramsPerLength).ToArray(),
    };
}
