using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using StanceBoard.Analysis.Data;

namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>
/// Reads label files row by row with their line numbers: CSV with a header naming at least
/// <c>text</c>, <c>target</c> and <c>stance</c> (any order and case; other columns kept), or JSON
/// Lines with one object per line. A malformed row is reported by line and skipped; the file is
/// refused whole only when it is too large, has too many rows, or its header lacks a column.
/// </summary>
public static class LabelFileReader
{
    public const int MaxRows = 1_000_000;
    private static readonly string[] Required = ["text", "target", "stance"];

    /// <exception cref="LabelFileException">The file cannot be used at all.</exception>
    public static IReadOnlyList<LabelFileRow> Read(Stream input, LabelFileFormat format, long maxBytes, List<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(problems);
        using var limited = new BoundedStream(input, maxBytes, max => new LabelFileException(string.Create(CultureInfo.InvariantCulture, $"The file is larger than the limit of {max:N0} bytes.")));
        using var reader = new StreamReader(limited, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        return format == LabelFileFormat.Jsonl ? ReadJsonl(reader, problems) : ReadCsv(reader, problems);
    }

    private static List<LabelFileRow> ReadCsv(TextReader input, List<DataProblem> problems)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            MaxRecordSize = 4 * 1024 * 1024,
            OnMalformedRecord = record => problems.Add(new DataProblem((int)record.LineNumber, $"malformed CSV row ({record.Reason})")),
        };
        using var reader = CsvReader.Create(input, options, leaveOpen: true);
        string[] header;
        try
        {
            reader.ReadHeader();
            header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        }
        catch (CsvFormatException ex)
        {
            throw new LabelFileException($"The CSV header is malformed: {ex.Message}", ex);
        }

        var missing = Required.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new LabelFileException($"The CSV header lacks the column(s) {string.Join(", ", missing)}; it has: {string.Join(", ", header)}.");
        }

        var rows = new List<LabelFileRow>();
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    break;
                }
            }
            catch (CsvFormatException ex)
            {
                problems.Add(new DataProblem((int)ex.LineNumber, $"malformed CSV: {ex.Message}"));
                break;
            }

            if (rows.Count >= MaxRows)
            {
                throw new LabelFileException($"The file has more than {MaxRows:N0} rows.");
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < reader.FieldCount; i++)
            {
                fields.TryAdd(header[i], reader.GetString(i));
            }

            rows.Add(new LabelFileRow((int)reader.LineNumber, fields));
        }

        return rows;
    }

    private static List<LabelFileRow> ReadJsonl(TextReader reader, List<DataProblem> problems)
    {
        var rows = new List<LabelFileRow>();
        var line = 0;
        while (reader.ReadLine() is { } raw)
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (rows.Count >= MaxRows)
            {
                throw new LabelFileException($"The file has more than {MaxRows:N0} rows.");
            }

            try
            {
                rows.Add(new LabelFileRow(line, ParseObject(raw)));
            }
            catch (JsonException ex)
            {
                problems.Add(new DataProblem(line, $"malformed JSON: {ex.Message}"));
            }
        }

        return rows;
    }

    private static Dictionary<string, string?> ParseObject(string raw)
    {
        using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 8 });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the line is not a JSON object");
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            fields[property.Name.ToLowerInvariant()] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => null,
            };
        }

        return fields;
    }
}
