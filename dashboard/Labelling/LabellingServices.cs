using StanceBoard.Dashboard.Labelling.Files;
using StanceBoard.Dashboard.Labelling.Training;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Labels;
using StanceBoard.Dashboard.Storage.Sqlite;
using StanceBoard.Dashboard.Storage.Unavailable;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>Registers labelling: stores, the queue, saving, import and the training seam (core, shared with the CLI); training runs and their hub pushes (web only).</summary>
internal static class LabellingServices
{
    public static IServiceCollection AddLabelling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LabellingOptions>().BindConfiguration(LabellingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (StorageServices.IsPostgres(configuration))
        {
            // Labels and training runs are kept in SQLite only so far: on PostgreSQL they say so.
            services.AddSingleton<ILabelStore, UnavailableLabelStore>();
            services.AddSingleton<ITrainingRunStore, UnavailableTrainingRunStore>();
        }
        else
        {
            services.AddSingleton<ILabelStore, SqliteLabelStore>();
            services.AddSingleton<ITrainingRunStore, SqliteTrainingRunStore>();
        }

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
