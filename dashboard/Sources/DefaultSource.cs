using System.ComponentModel.DataAnnotations;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Sources;

/// <summary>One entry of <c>Ingestion:Sources</c>: a source to add to the store on first start.</summary>
public sealed class DefaultSource
{
    [Required]
    public string Name { get; set; } = string.Empty;

    [Required]
    [Url]
    public string Url { get; set; } = string.Empty;

    public SourceKind Kind { get; set; } = SourceKind.Auto;

    public string? Outlet { get; set; }

    /// <summary>Poll interval in minutes.</summary>
    [Range(1, 1440)]
    public int PollMinutes { get; set; } = 30;

    /// <summary>Whether it starts enabled. The shipped list starts disabled: enable the ones you want.</summary>
    public bool Enabled { get; set; }
}
