using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Dashboard.Demo;
using StanceBoard.Dashboard.Labelling;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Sources;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Files;

namespace StanceBoard.Dashboard.Hosting;

/// <summary>Services shared by the web app and the CLI verbs: store, targets, scoring, the piece pipeline.</summary>
internal static class CoreServices
{
    public static IServiceCollection AddStanceBoardCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<FileIngestionOptions>().BindConfiguration(FileIngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStanceBoardStorage(configuration);
        services.AddSingleton(_ => TargetsConfiguration.Load(configuration));
        services.AddSingleton<ScorerProvider>();
        services.AddSingleton<PieceProcessor>();
        services.AddSingleton<AnnouncedPieces>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DemoControl>();
        services.AddWebIngestion(configuration);
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelRegistry>();
        services.AddAccounts();
        services.AddLabelling();
        services.AddOptions<RescoreOptions>().BindConfiguration(RescoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Maps <c>--db PATH</c> to <c>Storage:Database</c>.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--db"] = $"{StorageOptions.Section}:{nameof(StorageOptions.Database)}",
    };
}
