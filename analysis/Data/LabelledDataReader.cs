using System.Text;

namespace StanceBoard.Analysis.Data;

/// <summary>
/// Reads labelled stance data (CSV or JSONL with <c>text,target,stance</c>, optional
/// <c>id,author,outlet,published,title</c>; other columns ignored). Bad rows — missing text,
/// empty target, unknown stance label, malformed line — are skipped and reported with their
/// line numbers; the read fails only when no usable row is left or a limit is exceeded.
/// </summary>
public sealed class LabelledDataReader(LabelledDataReaderOptions? options = null)
{
    private readonly LabelledDataReaderOptions _options = options ?? new LabelledDataReaderOptions();

    /// <summary>Infers the format from a file name: <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c> are JSONL, anything else CSV.</summary>
    public static LabelledDataFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        return extension is ".JSONL" or ".NDJSON" or ".JSON" ? LabelledDataFormat.Jsonl : LabelledDataFormat.Csv;
    }

    /// <summary>Reads the file at <paramref name="path"/>, choosing the format from its extension.</summary>
    /// <exception cref="LabelledDataException">The file is too large, its header is unusable, or no row is usable.</exception>
    public LabelledData ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new LabelledDataException($"The file '{path}' does not exist.");
        }

        if (info.Length > _options.MaxBytes)
        {
            throw new LabelledDataException($"The file '{path}' is {info.Length:N0} bytes, over the limit of {_options.MaxBytes:N0}.");
        }

        using var stream = info.OpenRead();
        return Read(stream, FormatOf(path));
    }

    /// <summary>Reads labelled data in <paramref name="format"/> from <paramref name="stream"/> (UTF-8, BOM allowed).</summary>
    /// <exception cref="LabelledDataException">The input is too large, its header is unusable, or no row is usable.</exception>
    public LabelledData Read(Stream stream, LabelledDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var problems = new List<DataProblem>();
        using var bounded = new BoundedStream(stream, _options.MaxBytes);
        using var reader = new StreamReader(bounded, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        var examples = format == LabelledDataFormat.Jsonl
            ? JsonlLabelledDataReader.Read(reader, _options, problems)
            : CsvLabelledDataReader.Read(reader, _options, problems);
        if (examples.Count == 0)
        {
            var detail = problems.Count == 0 ? "it has no rows" : $"all {problems.Count} row(s) were bad; first: {problems[0]}";
            throw new LabelledDataException($"No usable labelled row: {detail}.", problems);
        }

        return new LabelledData(examples, problems);
    }
}
