using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Where the store lives. Section <c>Storage</c>; <c>--db PATH</c> on the command line sets <see cref="Database"/>.
/// With <see cref="Provider"/> <c>postgres</c> the connection string is <c>ConnectionStrings:StanceBoard</c>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The configuration key of the PostgreSQL connection string (<c>ConnectionStrings__StanceBoard</c> in the environment).</summary>
    public const string ConnectionStringKey = "ConnectionStrings:StanceBoard";

    /// <summary>The store: <c>sqlite</c> (one embedded file, one machine) or <c>postgres</c> (shared by many instances and workers).</summary>
    /// <value><c>sqlite</c>.</value>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^(?i:sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Path of the SQLite database file, created with its folder on first use.</summary>
    /// <value><c>data/stanceboard.db</c>, relative to the working directory.</value>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = Path.Combine("data", "stanceboard.db");

    /// <summary>Whether <see cref="Provider"/> is PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}
