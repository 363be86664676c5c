using System.Text;
using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Checks <see cref="StorageOptions.Database"/> before anything opens it: not a folder, and an
/// existing file must be a SQLite database (or empty), so a mistyped <c>--db</c> gets a message
/// naming the path instead of a SQLite error deep in a migration.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Database;
        if (string.IsNullOrWhiteSpace(path))
        {
            return ValidateOptionsResult.Skip; // [Required] says so
        }

        if (Directory.Exists(path))
        {
            return ValidateOptionsResult.Fail($"Storage:Database (--db) '{path}' is a folder; give the path of a database file (a new one is created).");
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && File.Exists(folder))
        {
            return ValidateOptionsResult.Fail($"Storage:Database (--db) '{path}' is inside '{folder}', which is a file, not a folder.");
        }

        if (!File.Exists(path))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            using var file = File.OpenRead(path);
            Span<byte> header = stackalloc byte[16];
            var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return read == 0 || (read == header.Length && header.SequenceEqual(SqliteHeader))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Storage:Database (--db) '{path}' is not a SQLite database; give the path of a StanceBoard database or of a new file.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Storage:Database (--db) '{path}' cannot be read: {ex.Message}");
        }
    }
}
