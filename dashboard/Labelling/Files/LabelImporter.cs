using System.Globalization;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Dashboard.Storage.Labels;
using StanceBoard.Ingestion.Dedupe;

namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>
/// Imports a label file. Each row needs text, a configured target and a stance; <c>annotator</c>
/// (else the importer's name), <c>time</c>, <c>piece_id</c>, <c>note</c> and <c>evidence</c> are
/// optional. A row's text is linked to the stored piece with the same content. Bad rows are
/// reported by line and skipped; the rest are imported. Importing a file twice changes nothing;
/// a row that gives an annotator's label a new stance replaces it, keeping the old as history.
/// </summary>
public sealed class LabelImporter(ILabelStore labels, LabelService service, IOptions<LabellingOptions> options, ILogger<LabelImporter> logger)
{
    /// <exception cref="LabelFileException">The file cannot be read at all.</exception>
    public async Task<LabelImportReport> ImportAsync(Stream input, LabelFileFormat format, string annotator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(annotator);
        var problems = new List<DataProblem>();
        var rows = LabelFileReader.Read(input, format, options.Value.MaxImportBytes, problems);
        var unreadable = problems.Count;
        var requests = new List<(int Line, LabelSaveRequest Request)>();
        foreach (var row in rows)
        {
            if (Check(row, annotator, problems) is { } request)
            {
                requests.Add((row.Line, request));
            }
        }

        var results = await labels.SaveManyAsync(requests.Select(r => r.Request).ToArray(), options.Value.Shares, cancellationToken);
        int imported = 0, revised = 0, unchanged = 0;
        var linkedUnits = new HashSet<long>();
        for (var i = 0; i < results.Count; i++)
        {
            var saved = results[i].Saved;
            imported += saved.Count(l => l.Replaces is null);
            revised += saved.Count(l => l.Replaces is not null);
            unchanged += results[i].Unchanged.Count;
            if (saved.Concat(results[i].Unchanged).Any(l => l.PieceId is not null))
            {
                linkedUnits.Add(results[i].UnitId);
            }
        }

        var linked = results.Count(r => linkedUnits.Contains(r.UnitId));
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        logger.LogInformation("Imported labels: {Rows} rows, {Imported} new, {Revised} revised, {Unchanged} unchanged, {Problems} skipped", rows.Count, imported, revised, unchanged, problems.Count);
        return new LabelImportReport(rows.Count + unreadable, imported, revised, unchanged, linked, problems);
    }

    private LabelSaveRequest? Check(LabelFileRow row, string defaultAnnotator, List<DataProblem> problems)
    {
        var text = row["text"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Skip(row, "missing text", problems);
        }

        if (text.Length > LabelledDataReaderOptions.Defaults.MaxTextLength)
        {
            return Skip(row, $"text is {text.Length:N0} characters, over the limit of {LabelledDataReaderOptions.Defaults.MaxTextLength:N0}", problems);
        }

        var (target, targetError) = service.ResolveTarget(row["target"]);
        if (targetError is not null)
        {
            return Skip(row, targetError, problems);
        }

        if (!StanceText.TryParse(row["stance"], out var stance))
        {
            return Skip(row, string.IsNullOrWhiteSpace(row["stance"]) ? "missing stance (favor, against or none)" : $"unknown stance '{Clip(row["stance"])}' (favor, against or none)", problems);
        }

        var annotator = string.IsNullOrWhiteSpace(row["annotator"]) ? defaultAnnotator : row["annotator"]!.Trim();
        if (annotator.Length > AccountRules.MaxNameLength * 4 || annotator.Any(char.IsControl))
        {
            return Skip(row, "annotator is too long or holds control characters", problems);
        }

        DateTimeOffset? time = null;
        if (!string.IsNullOrWhiteSpace(row["time"]))
        {
            if (!DateTimeOffset.TryParse(row["time"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return Skip(row, $"time '{Clip(row["time"])}' is not an ISO 8601 time such as 2020-10-14T09:30:00Z", problems);
            }

            time = parsed;
        }

        // piece_id is checked but not trusted: ids differ between databases, so a row is linked to
        // the stored piece with the same content instead.
        if (!string.IsNullOrWhiteSpace(row["piece_id"]) && !long.TryParse(row["piece_id"], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return Skip(row, $"piece_id '{Clip(row["piece_id"])}' is not a piece id (a whole number)", problems);
        }

        var evidence = new List<int>();
        foreach (var part in (row["evidence"] ?? string.Empty).Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || evidence.Count >= LabelService.MaxEvidence)
            {
                return Skip(row, $"evidence '{Clip(row["evidence"])}' is not a list of at most {LabelService.MaxEvidence} sentence numbers", problems);
            }

            evidence.Add(index);
        }

        var note = string.IsNullOrWhiteSpace(row["note"]) ? null : row["note"]!.Trim();
        if (note?.Length > LabelService.MaxNoteLength)
        {
            return Skip(row, $"note is over {LabelService.MaxNoteLength} characters", problems);
        }

        var hash = ContentHash.Compute(text);
        var subject = new LabelSubject(null, text, hash, Optional(row["title"]), Optional(row["author"]), Optional(row["outlet"]), Optional(row["published"]));
        return new LabelSaveRequest(subject, annotator, LabelOrigins.Import, false, [new LabelWrite(target!, stance, evidence.Distinct().Order().ToArray(), note, CreatedUtc: time)]);
    }

    private static LabelSaveRequest? Skip(LabelFileRow row, string message, List<DataProblem> problems)
    {
        problems.Add(new DataProblem(row.Line, message));
        return null;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Clip(string? value) => value is null ? "" : value.Length <= 40 ? value.Trim() : value[..40] + "…";
}
