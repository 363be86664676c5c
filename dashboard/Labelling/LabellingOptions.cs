using System.ComponentModel.DataAnnotations;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>The label queue, agreement and imports. Section <c>Labelling</c>.</summary>
public sealed class LabellingOptions
{
    public const string Section = "Labelling";

    /// <summary>
    /// The share of pieces set aside, at random and for good, as the evaluation slice: their labels
    /// are held out from training and are what new models are compared on. The queue sends this
    /// share of each annotator's pieces from the slice, in random order, so the held-out labels are
    /// not biased by what active learning chose. Changing it later moves only pieces not yet labelled.
    /// </summary>
    /// <value>0.2.</value>
    [Range(0.0, 0.5)]
    public double EvaluationShare { get; set; } = 0.2;

    /// <summary>The share of pieces asked of two annotators, for the agreement figures.</summary>
    /// <value>0.1.</value>
    [Range(0.0, 1.0)]
    public double DoubleAnnotationShare { get; set; } = 0.1;

    /// <summary>How long a piece the queue gave one annotator is kept from the others.</summary>
    /// <value>10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many of an annotator's latest pieces the queue looks back on to balance targets, authors and outlets.</summary>
    /// <value>30.</value>
    [Range(1, 500)]
    public int BalanceWindow { get; set; } = 30;

    /// <summary>What each repeat of a target, author or outlet in that window adds to a candidate's margin when ranking.</summary>
    /// <value>0.05.</value>
    [Range(0.0, 1.0)]
    public double BalanceWeight { get; set; } = 0.05;

    /// <summary>Candidates read per target, smallest margin first, before balancing.</summary>
    /// <value>40.</value>
    [Range(1, 1000)]
    public int CandidatesPerTarget { get; set; } = 40;

    /// <summary>The largest label file the import API accepts.</summary>
    /// <value>64 MiB.</value>
    [Range(1024, 1L << 30)]
    public long MaxImportBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Whether a training run from the page chooses the model's regularisation λ by cross-validation
    /// (as <c>train</c> does, about four times the work), or keeps the active model's and fits once.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool SearchRegularisation { get; set; }

    public LabelShares Shares => LabelShares.From(EvaluationShare, DoubleAnnotationShare);
}
