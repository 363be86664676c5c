using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.Sources;

/// <summary>The background polling of web sources. Section <c>Ingestion:Polling</c>.</summary>
public sealed class PollingOptions
{
    public const string Section = "Ingestion:Polling";

    /// <summary>Whether the web app polls due sources.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the store is checked for due sources.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sources polled at once.</summary>
    /// <value>Defaults to 4.</value>
    [Range(1, 64)]
    public int MaxConcurrentSources { get; set; } = 4;

    /// <summary>Add the sources listed under <c>Ingestion:Sources</c> to the store on start (each once; a deleted one stays deleted).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool SeedDefaultSources { get; set; } = true;
}
