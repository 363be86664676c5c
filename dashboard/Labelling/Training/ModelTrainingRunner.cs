using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>
/// The one place the labelling feature calls the model engine: train a candidate on labelled
/// examples, train a smaller one with the same settings (learning curve), register a candidate
/// as a version. Everything else (comparison, promotion, the page) works through
/// <see cref="IStanceModel"/> and <see cref="ModelRegistry"/>, so a new engine changes only this file.
/// </summary>
/// <remarks>
/// Today's engine is <see cref="StanceTrainer"/> with the default model's options
/// (<see cref="DefaultModel.TrainerOptions"/>): C chosen from 0.1–3 by cross-validation
/// (<see cref="SearchFolds"/> folds), probabilities calibrated on the out-of-fold margins. Its fit observes the cancellation token;
/// <see cref="TrainingRunService"/> also stops waiting for a fit on cancel, for engines that cannot
/// be interrupted.
/// </remarks>
public sealed class ModelTrainingRunner(ModelRegistry registry, ScorerProvider scorers, IOptions<ModelOptions> options)
{
    /// <summary>
    /// Folds of the cross-validation that chooses C and calibrates the probabilities: 3, where
    /// <c>train</c> uses 5. On 5,000 generated labels plus the bootstrap corpus this took 7.3 CPU
    /// seconds instead of 17.2 (<c>labelling-trainer</c> benchmark), which is what brings a run from
    /// the page under 15 s.
    /// </summary>
    public const int SearchFolds = 3;

    /// <summary>The model scoring new pieces now, or <see langword="null"/>.</summary>
    public IStanceModel? ActiveModel => scorers.Current.Model;

    /// <summary>The configured targets.</summary>
    public TargetCatalog Targets => scorers.Current.Targets;

    /// <summary>
    /// Trains a candidate; <paramref name="progress"/> gets (stage, fraction 0–1). Without
    /// <paramref name="search"/>, the active model's regularisation is kept (when there is one).
    /// </summary>
    public TrainedCandidate Train(IReadOnlyList<LabelledExample> examples, bool search, Action<string, double> progress, CancellationToken cancellationToken)
    {
        var trainerOptions = DefaultModel.TrainerOptions(scorers.Current.Targets, options.Value.Seed);
        trainerOptions.CrossValidationFolds = SearchFolds;
        if (!search && scorers.Current.Model is StanceClassifier active)
        {
            trainerOptions.C = active.Training.C;
        }

        var model = new StanceTrainer(trainerOptions).Fit(examples, new Relay(progress), cancellationToken);
        return new TrainedCandidate(model, model.Version, new Dictionary<string, double> { ["C"] = model.Training.C }, model);
    }

    /// <summary>Trains on <paramref name="examples"/> with the settings <paramref name="like"/> chose (no search), for the learning curve.</summary>
    public IStanceModel TrainLike(TrainedCandidate like, IReadOnlyList<LabelledExample> examples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(like);
        var trainerOptions = DefaultModel.TrainerOptions(scorers.Current.Targets, options.Value.Seed);
        trainerOptions.C = ((StanceClassifier)like.Engine).Training.C;
        trainerOptions.CrossValidationFolds = 3; // still calibrated, at a third of the cost of the search
        return new StanceTrainer(trainerOptions).Fit(examples, null, cancellationToken);
    }

    /// <summary>Makes a registered version active (stored pieces are then re-scored); an unknown or unusable version is an error in words, not an exception.</summary>
    public async Task<(ModelVersionInfo? Info, bool NotFound, string? Error)> PromoteAsync(string version, CancellationToken cancellationToken)
    {
        try
        {
            return (await registry.PromoteAsync(version, cancellationToken), false, null);
        }
        catch (KeyNotFoundException ex)
        {
            return (null, true, ex.Message);
        }
        catch (ModelFormatException ex)
        {
            return (null, false, ex.Message);
        }
    }

    /// <summary>Stores the candidate as a new, inactive version; returns the version name.</summary>
    public async Task<string> RegisterAsync(TrainedCandidate candidate, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return (await registry.RegisterAsync((StanceClassifier)candidate.Engine, source, cancellationToken)).Version;
    }

    private sealed class Relay(Action<string, double> progress) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => progress(value.Stage, value.Fraction);
    }
}
