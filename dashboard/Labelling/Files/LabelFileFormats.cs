namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>Parsing format names and guessing a format from a file name or content type.</summary>
public static class LabelFileFormats
{
    public static bool TryParse(string? name, out LabelFileFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "csv":
                format = LabelFileFormat.Csv;
                return true;
            case "jsonl" or "ndjson" or "json":
                format = LabelFileFormat.Jsonl;
                return true;
            default:
                format = LabelFileFormat.Csv;
                return false;
        }
    }

    /// <summary><c>.jsonl</c>, <c>.ndjson</c> and <c>.json</c> are JSON Lines; anything else CSV.</summary>
    public static LabelFileFormat FromPath(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".JSONL" or ".NDJSON" or ".JSON" ? LabelFileFormat.Jsonl : LabelFileFormat.Csv;

    /// <summary>The format a content type names, or <see langword="null"/>.</summary>
    public static LabelFileFormat? FromContentType(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "text/csv" => LabelFileFormat.Csv,
            "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => LabelFileFormat.Jsonl,
            _ => null,
        };
    }

    public static string ContentType(LabelFileFormat format) => format == LabelFileFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    public static string Extension(LabelFileFormat format) => format == LabelFileFormat.Csv ? "csv" : "jsonl";
}
