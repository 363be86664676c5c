using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.Models;

/// <summary>Re-scoring stored pieces after a change of the active model. Section <c>Rescore</c>.</summary>
public sealed class RescoreOptions
{
    public const string Section = "Rescore";

    /// <summary>Pieces per chunk: the unit a process leases, scores through the batch path and commits at once.</summary>
    /// <value>200.</value>
    [Range(1, 10_000)]
    public int ChunkSize { get; set; } = 200;

    /// <summary>How long a process holds a chunk; a chunk whose holder died is taken over after this (PostgreSQL).</summary>
    /// <value>2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a process with nothing left to lease checks whether chunks held by others finished or ran out (PostgreSQL).</summary>
    /// <value>1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
