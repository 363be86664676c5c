using CsvHelper;

namespace StanceBoard.Analysis.Data;

/// <summary>Reads labelled CSV: a header row naming at least <c>text</c>, <c>target</c> and <c>stance</c> (any order, any case).</summary>
internal static class CsvLabelledDataReader
{
    public static List<LabelledExample> Read(TextReader input, LabelledDataReaderOptions options, List<DataProblem> problems)
    {
        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            MaxRecordSize = (int)Math.Min(int.MaxValue, (options.MaxTextLength * 4L) + 65_536),
            OnMalformedRecord = record => problems.Add(new DataProblem((int)record.LineNumber, $"malformed CSV row ({Describe(record.Reason)})")),
        };
        using var reader = CsvReader.Create(input, csvOptions, leaveOpen: true);
        string[] header;
        try
        {
            reader.ReadHeader();
            header = reader.Headers.ToArray();
        }
        catch (CsvFormatException ex)
        {
            throw new LabelledDataException($"The CSV header is malformed: {ex.Message}", ex);
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        var required = options.RequireStance ? new[] { "text", "target", "stance" } : ["text", "target"];
        var missing = required.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new LabelledDataException(
                $"The CSV header lacks the column(s) {string.Join(", ", missing)}; it has: {string.Join(", ", header)}.");
        }

        var examples = new List<LabelledExample>();
        var rows = 0;
        while (Next(reader, problems))
        {
            if (++rows > options.MaxRows)
            {
                throw new LabelledDataException($"The file has more than {options.MaxRows:N0} rows.");
            }

            var line = (int)reader.LineNumber;
            string? Field(string name) =>
                columns.TryGetValue(name, out var i) && i < reader.FieldCount ? reader.GetString(i) : null;
            var example = RowValidator.Validate(line, Field, options, problems);
            if (example is not null)
            {
                examples.Add(example);
            }
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return examples;
    }

    private static bool Next(CsvReader reader, List<DataProblem> problems)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            problems.Add(new DataProblem((int)ex.LineNumber, $"malformed CSV: {ex.Message}"));
            return false;
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        _ => reason.ToString(),
    };
}
