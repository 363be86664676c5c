using StanceBoard.Dashboard.Labelling.Files;
using StanceBoard.Dashboard.Labelling.Training;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Labels;
using StanceBoard.Dashboard.Storage.Sqlite;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>Registers labelling: stores, the queue, saving, import and the training seam (core, shared with the CLI); training runs and their hub pushes (web only).</summary>
internal static class LabellingServices
{
    public static IServiceCollection AddLabelling(this IServiceCollection services)
    {
        services.AddOptions<LabellingOptions>().BindConfiguration(LabellingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ILabelStore, SqliteLabelStore>();
        services.AddSingleton<ITrainingRunStore, SqliteTrainingRunStore>();
        services.AddSingleton<LabelQueue>();
        services.AddSingleton<LabelService>();
        services.AddSingleton<LabelImporter>();
        services.AddSingleton<ModelTrainingRunner>();
        return services;
    }

    public static IServiceCollection AddLabellingWeb(this IServiceCollection services)
    {
        services.AddSingleton<ITrainingProgressSink, HubTrainingSink>();
        services.AddSingleton<TrainingRunService>();
        services.AddHostedService(sp => sp.GetRequiredService<TrainingRunService>());
        return services;
    }
}
