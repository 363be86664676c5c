using CsvHelper;

namespace StanceBoard.Analysis.Data;

/// <summary>
/// Reads labelled CSV: a header row naming at least <c>text</c>, <c>target</c> and <c>stance</c>
/// (any order, any case). A record that cannot be read — a stray or unclosed quote, a record over the
/// size limit — is reported with the line it starts on, and reading starts again on the next
/// line, so one bad record never hides the rows after it.
/// </summary>
internal static class CsvLabelledDataReader
{
    public static List<LabelledExample> Read(TextReader input, LabelledDataReaderOptions options, List<DataProblem> problems)
    {
        // The whole input is held once (it is bounded by MaxBytes) so reading can restart after a bad record.
        var text = input.ReadToEnd();
        var state = new ReadState(options, problems);
        var (offset, linesBefore) = (0, 0);
        while (ReadSegment(text, offset, linesBefore, state) is { } line && LineStart(text, offset, linesBefore + 1, line) is { } next)
        {
            (offset, linesBefore) = (next, line - 1);
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return state.Examples;
    }

    /// <summary>Reads records from <paramref name="offset"/>; returns the line to start again at, or <see langword="null"/> at the end.</summary>
    private static int? ReadSegment(string text, int offset, int linesBefore, ReadState state)
    {
        int? malformedAt = null;
        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = state.Columns is null,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            MaxRecordSize = (int)Math.Min(int.MaxValue, (state.Options.MaxTextLength * 4L) + 65_536),
            OnMalformedRecord = record =>
            {
                var line = (int)record.LineNumber + linesBefore;
                state.Problems.Add(new DataProblem(line, $"malformed CSV row ({Describe(record.Reason)})"));

                // A malformed record may have run on over the lines after it (a quote opened and
                // closed a row later, or never closed): read again from the next line.
                malformedAt ??= line;
            },
        };
        using var reader = CsvReader.Create(new StringSliceReader(text, offset), csvOptions, leaveOpen: false);
        if (state.Columns is null)
        {
            ReadHeader(reader, state);
        }

        while (true)
        {
            try
            {
                var read = reader.Read();
                if (malformedAt is { } bad)
                {
                    return bad + 1; // a record read after the malformed one is read again from there
                }

                if (!read)
                {
                    return null;
                }
            }
            catch (CsvFormatException ex)
            {
                var line = (int)ex.LineNumber + linesBefore;
                var message = ex.Message.Contains("MaxRecordSize", StringComparison.Ordinal)
                    ? $"the record is longer than {state.Options.MaxTextLength:N0} characters of text allow (or a quote opened here is never closed)"
                    : $"malformed CSV: {ex.Message}";
                state.Problems.Add(new DataProblem(line, message));
                return line + 1;
            }

            if (++state.Rows > state.Options.MaxRows)
            {
                throw new LabelledDataException($"The file has more than {state.Options.MaxRows:N0} rows.");
            }

            var columns = state.Columns!;
            string? Field(string name) =>
                columns.TryGetValue(name, out var i) && i < reader.FieldCount ? reader.GetString(i) : null;
            var example = RowValidator.Validate((int)reader.LineNumber + linesBefore, Field, state.Options, state.Problems);
            if (example is not null)
            {
                state.Examples.Add(example);
            }
        }
    }

    private static void ReadHeader(CsvReader reader, ReadState state)
    {
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

        var required = state.Options.RequireStance ? new[] { "text", "target", "stance" } : ["text", "target"];
        var missing = required.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new LabelledDataException(
                $"The CSV header lacks the column(s) {string.Join(", ", missing)}; it has: {string.Join(", ", header)}.");
        }

        state.Columns = columns;
    }

    /// <summary>The offset where 1-based <paramref name="line"/> starts, counting from <paramref name="offset"/> (the start of <paramref name="fromLine"/>), or <see langword="null"/> past the end.</summary>
    private static int? LineStart(string text, int offset, int fromLine, int line)
    {
        for (var current = fromLine; current < line; current++)
        {
            var newline = text.IndexOf('\n', offset);
            if (newline < 0)
            {
                return null;
            }

            offset = newline + 1;
        }

        return offset < text.Length ? offset : null;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        _ => reason.ToString(),
    };

    private sealed class ReadState(LabelledDataReaderOptions options, List<DataProblem> problems)
    {
        public LabelledDataReaderOptions Options { get; } = options;

        public List<DataProblem> Problems { get; } = problems;

        public List<LabelledExample> Examples { get; } = [];

        public Dictionary<string, int>? Columns { get; set; }

        public int Rows { get; set; }
    }
}
