using System.Net;
using System.Text;
using System.Text.Json;
using StanceBoard.Analysis.Data;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.LiveCharts;
using StanceBoard.Ingestion.Files;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Fuzz;

/// <summary>
/// Seeded fuzzing of every input path a stranger or a file controls: the piece API, the piece
/// list and chart queries, the chart query parser and hub keys, and the file readers. Random and
/// edge-case strings, dates and numbers; the same seed replays the same inputs. Nothing may
/// answer 500 or throw anything but the documented exception.
/// </summary>
public sealed class InputFuzzTests(StanceBoardFactory factory) : IClassFixture<StanceBoardFactory>, IDisposable
{
    private const int Seed = 20_261_130;
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PostPieces_RandomBodies_NeverAnswer500()
    {
        var fuzz = new FuzzInputs(Seed);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        for (var i = 0; i < 250; i++)
        {
            var body = fuzz.Chance(0.15) ? fuzz.String(200) : JsonSerializer.Serialize(PieceBody(fuzz));
            using var content = new StringContent(body, Encoding.UTF8, fuzz.Chance(0.95) ? "application/json" : "text/plain");

            var response = await client.PostAsync("/api/pieces", content);

            ((int)response.StatusCode).ShouldBeLessThan(500, $"seed {Seed}, case {i}: {Clip(body)} → {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task GetPieces_RandomQueries_NeverAnswer500()
    {
        var fuzz = new FuzzInputs(Seed + 1);
        var client = factory.CreateClient();
        string[] parameters = ["limit", "before", "from", "to", "authors", "outlets", "targets"];
        for (var i = 0; i < 200; i++)
        {
            var url = "/api/pieces?" + Query(fuzz, parameters);

            var response = await client.GetAsync(url);

            ((int)response.StatusCode).ShouldBeLessThan(500, $"seed {Seed + 1}, case {i}: {url}");
        }
    }

    [Fact]
    public async Task GetCharts_RandomQueries_NeverAnswer500()
    {
        var fuzz = new FuzzInputs(Seed + 2);
        var client = factory.CreateClient();
        string[] formats = ["csv", "csv", "csv", "svg", "gif", "CSV", ""];
        for (var i = 0; i < 120; i++)
        {
            // (A NUL in the path is refused by the server before routing; the test client cannot even send it.)
            var name = fuzz.Chance(0.9) ? fuzz.Pick(ChartNames.All) : Encode(fuzz.String(20).Replace("\0", string.Empty, StringComparison.Ordinal));
            var url = $"/api/charts/{name}.{fuzz.Pick(formats)}?" + Query(fuzz, ChartQuery.Parameters);

            var response = await client.GetAsync(url);

            ((int)response.StatusCode).ShouldBeLessThan(500, $"seed {Seed + 2}, case {i}: {url}");
        }
    }

    [Fact]
    public void ChartQueryAndHubKeys_RandomParameters_NeverThrow()
    {
        var fuzz = new FuzzInputs(Seed + 3);
        for (var i = 0; i < 3_000; i++)
        {
            var values = ChartQuery.Parameters.Where(_ => fuzz.Chance(0.4)).ToDictionary(p => p, _ => fuzz.Chance(0.5) ? fuzz.Date() : fuzz.String());
            var key = fuzz.Pick(ChartNames.All) + "?" + Query(fuzz, ChartQuery.Parameters);

            var (request, errors) = Should.NotThrow(() => ChartQuery.Parse(p => values.GetValueOrDefault(p)), $"seed {Seed + 3}, case {i}");
            (request is null).ShouldBe(errors.Count > 0);
            Should.NotThrow(() => ChartKey.TryParse(key, out _, out _), $"seed {Seed + 3}, case {i}: {key}");
        }
    }

    [Fact]
    public async Task FileReaders_RandomFiles_ReportProblemsAndNeverThrow()
    {
        var fuzz = new FuzzInputs(Seed + 4);
        var reader = new FilePieceReader(new FileIngestionOptions());
        string[] extensions = [".txt", ".md", ".html", ".jsonl"];
        for (var i = 0; i < 150; i++)
        {
            var path = Path.Combine(_folder, $"f{i}{fuzz.Pick(extensions)}");
            await File.WriteAllTextAsync(path, FileText(fuzz, path), Encoding.UTF8);

            var results = new List<FileReadResult>();
            await Should.NotThrowAsync(async () =>
            {
                await foreach (var result in reader.ReadAsync([path]))
                {
                    results.Add(result);
                }
            });

            results.ShouldNotBeEmpty($"seed {Seed + 4}, case {i}");
            results.Where(r => !r.IsSuccess).ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.Error));
            foreach (var url in results.Where(r => r.IsSuccess).Select(r => r.Piece!.Url).OfType<string>())
            {
                url.ShouldStartWith("http", Case.Insensitive, $"seed {Seed + 4}, case {i}: '{url}'");
            }
        }
    }

    [Fact]
    public void LabelledDataReader_RandomCsvAndJsonl_FailOnlyWithLabelledDataException()
    {
        var fuzz = new FuzzInputs(Seed + 5);
        var reader = new LabelledDataReader(new LabelledDataReaderOptions { MaxTextLength = 5_000 });
        for (var i = 0; i < 300; i++)
        {
            var jsonl = fuzz.Chance(0.4);
            var lines = new List<string> { jsonl ? string.Empty : fuzz.Pick(new[] { "text,target,stance", "Text,Target,Stance,id", "text,target", fuzz.String(30) }) };
            for (var row = fuzz.Next(12); row > 0; row--)
            {
                lines.Add(jsonl
                    ? (fuzz.Chance(0.7) ? JsonSerializer.Serialize(new { text = fuzz.String(80), target = fuzz.String(10), stance = fuzz.Pick(new[] { "favor", "AGAINST", "none", "neutral", fuzz.String(8) }) }) : fuzz.String(80))
                    : $"{Csv(fuzz)},{Csv(fuzz)},{Csv(fuzz)}");
            }

            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join(fuzz.Chance(0.5) ? "\n" : "\r\n", lines)));
            try
            {
                var data = reader.Read(stream, jsonl ? LabelledDataFormat.Jsonl : LabelledDataFormat.Csv);
                data.Problems.ShouldAllBe(p => p.Line >= 1);
            }
            catch (LabelledDataException)
            {
                // Documented: no usable row, or a bad header.
            }
        }
    }

    private static Dictionary<string, object?> PieceBody(FuzzInputs fuzz)
    {
        var body = new Dictionary<string, object?>();
        foreach (var field in new[] { "title", "text", "authors", "outlet", "url", "published", "language" })
        {
            if (fuzz.Chance(0.2))
            {
                continue;
            }

            body[field] = fuzz.Next(8) switch
            {
                0 => null,
                1 => fuzz.Next(1000),
                2 => new[] { fuzz.String(), fuzz.String() },
                3 => new { nested = fuzz.String() },
                4 => field == "published" ? fuzz.Date() : fuzz.String(300),
                5 => fuzz.Chance(0.5),
                _ => field == "text" ? "Moscow and Ankara spoke. " + fuzz.String(400) : fuzz.String(),
            };
        }

        return body;
    }

    private static string FileText(FuzzInputs fuzz, string path) => Path.GetExtension(path) switch
    {
        ".jsonl" => string.Join('\n', Enumerable.Range(0, 1 + fuzz.Next(5)).Select(_ => fuzz.Chance(0.7) ? JsonSerializer.Serialize(PieceBody(fuzz)) : fuzz.String(100))),
        ".md" => $"---\ntitle: {fuzz.String()}\nauthor: {fuzz.String()}\nurl: {fuzz.String()}\npublished: {fuzz.Date()}\n---\n{fuzz.String(500)}",
        ".html" => $"<html><head><title>{fuzz.String()}</title><meta name=\"author\" content=\"{fuzz.String()}\"><link rel=\"canonical\" href=\"{fuzz.String()}\"></head><body><article><p>By {fuzz.String()}</p><p>{fuzz.String(800)}</p></article></body></html>",
        _ => $"{fuzz.String()}\n\nBy {fuzz.String()}\n\n{fuzz.String(800)}",
    };

    private static string Csv(FuzzInputs fuzz)
    {
        var value = fuzz.String(40);
        return fuzz.Next(3) switch
        {
            0 => value,
            1 => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            _ => "\"" + value,
        };
    }

    private static string Query(FuzzInputs fuzz, IReadOnlyList<string> parameters) =>
        string.Join('&', parameters.Where(_ => fuzz.Chance(0.4)).Select(p => $"{p}={Encode(fuzz.Chance(0.4) ? fuzz.Date() : fuzz.String())}"));

    // Percent-encodes UTF-8 (lone surrogates become U+FFFD, as a browser would send them).
    private static string Encode(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' ? ((char)b).ToString() : $"%{b:X2}"));

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
