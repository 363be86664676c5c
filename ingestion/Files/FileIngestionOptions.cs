using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Ingestion.Files;

/// <summary>Limits for reading local files. Section <c>Ingestion:Files</c>.</summary>
public sealed class FileIngestionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ingestion:Files";

    /// <summary>Largest .txt, .md or .html file read, in bytes; larger files are refused with a message.</summary>
    /// <value>8 MiB.</value>
    [Range(1, int.MaxValue)]
    public long MaxFileBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest .jsonl file read, in bytes.</summary>
    /// <value>512 MiB.</value>
    [Range(1, long.MaxValue)]
    public long MaxJsonlBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Longest single .jsonl line, in characters.</summary>
    /// <value>4 Mi characters.</value>
    [Range(1, int.MaxValue)]
    public int MaxJsonlLineChars { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most files taken from one folder.</summary>
    /// <value>100,000.</value>
    [Range(1, int.MaxValue)]
    public int MaxFilesPerFolder { get; set; } = 100_000;
}
