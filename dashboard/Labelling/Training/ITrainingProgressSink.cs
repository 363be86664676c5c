namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>Told about training runs as they progress (the hub forwards it to browsers as <c>trainingProgress</c>).</summary>
public interface ITrainingProgressSink
{
    Task OnTrainingAsync(TrainingStatus status, CancellationToken cancellationToken);
}
