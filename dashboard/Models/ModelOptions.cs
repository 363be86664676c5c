namespace StanceBoard.Dashboard.Models;

/// <summary>The stance model. Section <c>Model</c>.</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>Whether a store without a model trains the default one from the bootstrap corpus at start, so pieces are scored from the first minute.</summary>
    /// <value><see langword="true"/>.</value>
    public bool TrainDefaultOnFirstStart { get; set; } = true;

    /// <summary>The seed of default-model training (the same seed gives the same model).</summary>
    /// <value>1.</value>
    public int Seed { get; set; } = 1;
}
