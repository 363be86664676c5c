using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Targets;
using StanceBoard.Dashboard.Hosting;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary>Where the model verbs get their model (a file, or the store's active version) and their targets (configuration).</summary>
internal static class ModelSource
{
    /// <summary>The configured targets (appsettings.json and environment), without opening the store.</summary>
    public static TargetCatalog ConfiguredTargets()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        return TargetsConfiguration.Load(builder.Configuration);
    }

    /// <summary>The model in <paramref name="path"/>, or the store's active version; <see langword="null"/> (after printing why) when unusable.</summary>
    public static async Task<StanceModel?> LoadAsync(string? path, string? database, bool verbose, CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            try
            {
                return StanceModel.LoadFile(path);
            }
            catch (Exception ex) when (ex is ModelFormatException or IOException or UnauthorizedAccessException)
            {
                CliOutput.Problem(path, ex.Message);
                return null;
            }
        }

        using var host = await CliHost.StartAsync(database, verbose, cancellationToken);
        var active = await host.Services.GetRequiredService<IModelStore>().GetActiveAsync(cancellationToken);
        if (active is null)
        {
            CliOutput.Problem("store", "no model is active; pass --model FILE or train one with 'train --data FILE --promote'");
            return null;
        }

        try
        {
            return await host.Services.GetRequiredService<ModelRegistry>().LoadAsync(active.Version, cancellationToken);
        }
        catch (ModelFormatException ex)
        {
            CliOutput.Problem("store", ex.Message);
            return null;
        }
    }

    /// <summary>The configured definition of <paramref name="name"/>, else the model's, else the name alone.</summary>
    public static TargetDefinition Resolve(string name, TargetCatalog configured, StanceModel model) =>
        configured.TryGet(name, out var target) ? target
        : model.KnownTargets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? new TargetDefinition(name, []);

    /// <summary>Rows predicted per batch, at most: one ML.NET Transform per model part for each.</summary>
    public const int BatchSize = 1_000;

    /// <summary>
    /// Characters of text per batch, at most (a batch ends before the row that would pass it, and
    /// holds at least one row). A batch's memory grows with its text, not its row count: 1,200
    /// rows of 1,000-word pieces in batches of 1,000 rows peaked at 880 MB with the embedding
    /// model; cut at 1,000,000 characters 630 MB, at this size 590 MB (about 440 MB of it is the
    /// process with MiniLM loaded), in the same time.
    /// </summary>
    public const int BatchCharacters = 250_000;

    /// <summary>
    /// Predicts every row through the model's batch path, batches of at most <see cref="BatchSize"/>
    /// rows and <see cref="BatchCharacters"/> characters (bounded memory), with progress on stderr
    /// for large files. Targets the model has no labels for are scored by its shared model and
    /// named once on stderr.
    /// </summary>
    public static List<StancePrediction> PredictAll(StanceModel model, IReadOnlyList<LabelledExample> rows, TargetCatalog configured, CancellationToken cancellationToken)
    {
        var unlabelled = rows.Select(r => r.Target.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Where(t => !model.HasOwnModel(t)).ToList();
        if (unlabelled.Count > 0 && model.TrainedTargets.Count > 0)
        {
            CliOutput.Info($"note: {unlabelled.Count} target(s) have no labels in the model's training data and are scored by its shared model: {string.Join(", ", unlabelled.Take(5))}{(unlabelled.Count > 5 ? ", …" : "")}");
        }

        var definitions = new Dictionary<string, TargetDefinition>(StringComparer.OrdinalIgnoreCase);
        var predictions = new List<StancePrediction>(rows.Count);
        for (var start = 0; start < rows.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = BatchLength(rows, start);
            var batch = rows.Skip(start).Take(count).Select(e =>
            {
                var name = e.Target.Trim();
                if (!definitions.TryGetValue(name, out var target))
                {
                    definitions[name] = target = Resolve(name, configured, model);
                }

                return new StanceRequest(model.Prepare(e.Text, target), target);
            }).ToArray();
            predictions.AddRange(model.Predict(batch, cancellationToken));
            start += count;
            if (rows.Count > BatchSize)
            {
                Console.Error.WriteLine($"predicted {predictions.Count:N0}/{rows.Count:N0}");
            }
        }

        return predictions;
    }

    /// <summary>How many rows from <paramref name="start"/> make one batch (at least one).</summary>
    internal static int BatchLength(IReadOnlyList<LabelledExample> rows, int start)
    {
        var count = 1;
        long characters = rows[start].Text.Length;
        while (start + count < rows.Count && count < BatchSize)
        {
            characters += rows[start + count].Text.Length;
            if (characters > BatchCharacters)
            {
                break;
            }

            count++;
        }

        return count;
    }
}
