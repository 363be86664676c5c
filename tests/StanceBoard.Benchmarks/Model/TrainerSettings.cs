using System.Globalization;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Benchmarks.Model;

/// <summary>
/// Trainer options from benchmark arguments of the form <c>key=value</c>: <c>word=1-3</c> (words always from 1),
/// <c>char=2-5</c>, <c>weight=tfidf|idf|tf</c>, <c>max=50000</c> (n-grams per length),
/// <c>min-rows=1</c>, <c>classifier=lbfgs|sdca|svm</c>, <c>iterations=20</c>, <c>history=20</c>, <c>threads=1</c>, <c>tol=1e-4</c>, <c>classes=balanced|none</c>,
/// <c>min-examples=50</c>, <c>lambdas=0.03,0.1,0.3,1</c>. Other arguments are left to the caller.
/// </summary>
internal static class TrainerSettings
{
    public static bool IsSetting(string arg) => arg.Contains('=', StringComparison.Ordinal);

    /// <summary>Applies every <c>key=value</c> of <paramref name="args"/> to <paramref name="options"/>; returns them as one label.</summary>
    public static string Apply(StanceModelTrainerOptions options, IEnumerable<string> args)
    {
        var applied = new List<string>();
        foreach (var arg in args.Where(IsSetting))
        {
            var (key, value) = (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            switch (key)
            {
                case "word":
                    options.WordNgramMaxLength = Range(value).Max;
                    break;
                case "char":
                    (options.CharNgramMinLength, options.CharNgramMaxLength) = Range(value);
                    break;
                case "weight":
                    options.NgramWeighting = Enum.Parse<NgramWeighting>(value, ignoreCase: true);
                    break;
                case "max":
                    options.MaxNgramsPerLength = Int(value);
                    break;
                case "classifier":
                    options.Classifier = value switch
                    {
                        "lbfgs" => StanceClassifier.LbfgsMaximumEntropy,
                        "sdca" => StanceClassifier.SdcaMaximumEntropy,
                        "svm" => StanceClassifier.LinearSvmOneVersusAll,
                        _ => Enum.Parse<StanceClassifier>(value, ignoreCase: true),
                    };
                    break;
                case "min-rows":
                    options.MinNgramRows = Int(value);
                    break;
                case "iterations":
                    options.MaximumIterations = Int(value);
                    break;
                case "history":
                    options.HistorySize = Int(value);
                    break;
                case "threads":
                    options.NumberOfThreads = Int(value);
                    break;
                case "tol":
                    options.OptimizationTolerance = float.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "classes":
                    options.ClassWeighting = Enum.Parse<ClassWeighting>(value, ignoreCase: true);
                    break;
                case "min-examples":
                    options.MinExamplesPerTarget = Int(value);
                    break;
                case "lambdas":
                    options.CandidateL2 = value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    break;
                default:
                    throw new ArgumentException($"unknown setting '{key}'");
            }

            applied.Add(arg);
        }

        options.Validate();
        return applied.Count == 0 ? "defaults" : string.Join(' ', applied);
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static (int Min, int Max) Range(string value)
    {
        var parts = value.Split('-');
        return (Int(parts[0]), Int(parts[^1]));
    }
}
