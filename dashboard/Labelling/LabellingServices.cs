using StanceBoard.Dashboard.Labelling.Files;
using StanceBoard.Dashboard.Labelling.Training;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>Registers labelling: the queue, saving, import and the training seam (core, shared with the CLI; the label and training-run stores are registered with the other stores, by <c>Storage:Provider</c>); training runs and their hub pushes (web only).</summary>
internal static class LabellingServices
{
    public static IServiceCollection AddLabelling(this IServiceCollection services)
    {
        services.AddOptions<LabellingOptions>().BindConfiguration(LabellingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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
