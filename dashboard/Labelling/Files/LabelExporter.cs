using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>
/// Writes labels as CSV or JSON Lines in the format <c>train --data</c> reads (<c>text,target,stance</c>)
/// plus <c>piece_id,annotator,time</c> and the rest of what a label holds, so an export imports back
/// unchanged. Columns: text, target, stance, piece_id, annotator, time, origin, split, note, evidence
/// (sentence indexes joined with ';'), title, author, outlet, published, label_id, current.
/// </summary>
public static class LabelExporter
{
    public static readonly IReadOnlyList<string> Columns =
        ["text", "target", "stance", "piece_id", "annotator", "time", "origin", "split", "note", "evidence", "title", "author", "outlet", "published", "label_id", "current"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="rows"/>; returns how many were written.</summary>
    public static async Task<int> WriteAsync(TextWriter output, LabelFileFormat format, LabelExportScope scope, IAsyncEnumerable<LabelRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var items = scope == LabelExportScope.Gold ? GoldRowsAsync(rows, cancellationToken) : rows;
        var count = 0;
        if (format == LabelFileFormat.Jsonl)
        {
            await foreach (var row in items.WithCancellation(cancellationToken))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(row), Json));
                count++;
            }

            await output.FlushAsync(cancellationToken);
            return count;
        }

        // The CSV writer writes synchronously, so it fills a buffer that is copied to the output
        // asynchronously every few hundred rows (a response body refuses synchronous writes).
        await using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        await using var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        await foreach (var row in items.WithCancellation(cancellationToken))
        {
            foreach (var value in Fields(row))
            {
                csv.WriteField(value ?? string.Empty);
            }

            csv.EndRecord();
            if (++count % 200 == 0)
            {
                await CopyAsync(csv, buffer, output, cancellationToken);
            }
        }

        await CopyAsync(csv, buffer, output, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static async Task CopyAsync(CsvWriter csv, StringWriter buffer, TextWriter output, CancellationToken cancellationToken)
    {
        csv.Flush();
        var text = buffer.GetStringBuilder();
        await output.WriteAsync(text, cancellationToken);
        text.Clear();
    }

    private static async IAsyncEnumerable<LabelRow> GoldRowsAsync(IAsyncEnumerable<LabelRow> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<(long, string), List<LabelRow>>();
        var order = new List<(long, string)>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var key = (row.Label.UnitId, row.Label.Target.ToUpperInvariant());
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
                order.Add(key);
            }

            list.Add(row);
        }

        foreach (var key in order)
        {
            var group = byKey[key];
            if (GoldLabels.Resolve(group) is { } gold)
            {
                var first = group[0];
                yield return first with
                {
                    Label = first.Label with
                    {
                        Stance = gold.Stance,
                        Annotator = string.Join('+', gold.Annotators),
                        CreatedUtc = gold.LatestUtc,
                        Origin = group.Any(l => l.Label.Origin == LabelOrigins.Adjudication) ? LabelOrigins.Adjudication : first.Label.Origin,
                        Note = null,
                    },
                };
            }
        }
    }

    private static string?[] Fields(LabelRow row)
    {
        var label = row.Label;
        return
        [
            row.Text,
            label.Target,
            StanceText.ToText(label.Stance),
            label.PieceId?.ToString(CultureInfo.InvariantCulture),
            label.Annotator,
            label.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            label.Origin,
            row.Split,
            label.Note,
            string.Join(';', label.Evidence),
            row.Title,
            row.Authors,
            row.Outlet,
            row.Published,
            label.Id.ToString(CultureInfo.InvariantCulture),
            label.IsCurrent ? "true" : "false",
        ];
    }

    private static Dictionary<string, object?> ToJson(LabelRow row)
    {
        var label = row.Label;
        return new Dictionary<string, object?>
        {
            ["text"] = row.Text,
            ["target"] = label.Target,
            ["stance"] = StanceText.ToText(label.Stance),
            ["piece_id"] = label.PieceId,
            ["annotator"] = label.Annotator,
            ["time"] = label.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["origin"] = label.Origin,
            ["split"] = row.Split,
            ["note"] = label.Note,
            ["evidence"] = label.Evidence,
            ["title"] = row.Title,
            ["author"] = row.Authors,
            ["outlet"] = row.Outlet,
            ["published"] = row.Published,
            ["label_id"] = label.Id,
            ["current"] = label.IsCurrent,
        };
    }
}
