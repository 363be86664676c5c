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
    public static async Task<StanceClassifier?> LoadAsync(string? path, string? database, bool verbose, CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            try
            {
                return StanceClassifier.LoadFile(path);
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

        return await host.Services.GetRequiredService<ModelRegistry>().LoadAsync(active.Version, cancellationToken);
    }

    /// <summary>The configured definition of <paramref name="name"/>, else the model's, else the name alone.</summary>
    public static TargetDefinition Resolve(string name, TargetCatalog configured, StanceClassifier model) =>
        configured.TryGet(name, out var target) ? target
        : model.KnownTargets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? new TargetDefinition(name, []);
}
