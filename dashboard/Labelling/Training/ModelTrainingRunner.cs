using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Featurization;
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
/// as a version, promote it. Everything else (comparison, the page) works through
/// <see cref="IStanceModel"/> and <see cref="ModelRegistry"/>, so a new engine changes only this file.
/// </summary>
/// <remarks>
/// Today's engine is ML.NET (<see cref="StanceModelTrainer"/>) with the options <c>train</c> uses
/// (<see cref="DefaultModel.TrainerOptions"/>) and the active model's feature set. By default the
/// active model's λ is kept and the candidate is fitted once; with
/// <see cref="LabellingOptions.SearchRegularisation"/> λ is chosen from the trainer's candidates by
/// <see cref="SearchFolds"/>-fold cross-validation, as <c>train</c> does (about four times the work).
/// An ML.NET fit cannot be interrupted midway: the trainer stops between fits, and
/// <see cref="TrainingRunService"/> stops waiting for it at once.
/// </remarks>
public sealed class ModelTrainingRunner(ModelRegistry registry, ScorerProvider scorers, IOptions<ModelOptions> options)
{
    /// <summary>Folds of the cross-validation that chooses λ when the search is on.</summary>
    public const int SearchFolds = 3;

    /// <summary>The model scoring new pieces now, or <see langword="null"/>.</summary>
    public IStanceModel? ActiveModel => scorers.Current.Model;

    /// <summary>The configured targets.</summary>
    public TargetCatalog Targets => scorers.Current.Targets;

    /// <summary>Trains a candidate; <paramref name="progress"/> gets (stage, fraction 0–1).</summary>
    public TrainedCandidate Train(IReadOnlyList<LabelledExample> examples, bool search, Action<string, double> progress, CancellationToken cancellationToken)
    {
        var trainerOptions = Options();
        if (search)
        {
            trainerOptions.CrossValidationFolds = SearchFolds;
        }
        else
        {
            trainerOptions.L2 = (scorers.Current.Model as StanceModel)?.Info.L2 ?? DefaultModel.L2;
            trainerOptions.CrossValidationFolds = 0;
        }

        var model = new StanceModelTrainer(trainerOptions).Fit(examples, new Relay(progress), cancellationToken);
        return new TrainedCandidate(model, model.Version, new Dictionary<string, double> { ["λ (L2)"] = model.Info.L2 }, model);
    }

    /// <summary>Trains on <paramref name="examples"/> with the λ <paramref name="like"/> has, fitted once, for the learning curve.</summary>
    public IStanceModel TrainLike(TrainedCandidate like, IReadOnlyList<LabelledExample> examples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(like);
        var trainerOptions = Options();
        trainerOptions.L2 = ((StanceModel)like.Engine).Info.L2;
        trainerOptions.CrossValidationFolds = 0;
        return new StanceModelTrainer(trainerOptions).Fit(examples, null, cancellationToken);
    }

    /// <summary>Stores the candidate as a new, inactive version; returns the version name.</summary>
    public async Task<string> RegisterAsync(TrainedCandidate candidate, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return (await registry.RegisterAsync((StanceModel)candidate.Engine, source, cancellationToken)).Version;
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

    private StanceModelTrainerOptions Options()
    {
        var trainerOptions = DefaultModel.TrainerOptions(scorers.Current.Targets, options.Value.Seed);
        trainerOptions.Features = (scorers.Current.Model as StanceModel)?.Features ?? FeatureSet.Ngrams;
        return trainerOptions;
    }

    private sealed class Relay(Action<string, double> progress) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => progress(value.Stage, value.Fraction);
    }
}
