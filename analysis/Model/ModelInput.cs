namespace StanceBoard.Analysis.Model;

/// <summary>
/// One row as ML.NET sees it: the prepared (normalised, target-masked) text, the dense features
/// (embedding and its cosine with the target; one zero when the model has none), the stance
/// label ("none", "favor", "against"; ignored when predicting) and the example's weight.
/// </summary>
internal sealed class ModelInput
{
    public const string TextColumn = nameof(Text);
    public const string DenseColumn = nameof(Dense);
    public const string LabelColumn = nameof(Label);
    public const string WeightColumn = nameof(Weight);

    public string Text { get; set; } = "";

    public float[] Dense { get; set; } = new float[1];

    public string Label { get; set; } = "none";

    public float Weight { get; set; } = 1;
}
