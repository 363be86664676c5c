using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.Storage;

/// <summary>Where the store lives. Section <c>Storage</c>; <c>--db PATH</c> on the command line sets <see cref="Database"/>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Path of the SQLite database file, created with its folder on first use.</summary>
    /// <value><c>data/stanceboard.db</c>, relative to the working directory.</value>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = Path.Combine("data", "stanceboard.db");
}
