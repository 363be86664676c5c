using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Cli;
using StanceBoard.Dashboard.Labelling;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion;

namespace StanceBoard.Benchmarks.Labelling;

/// <summary>
/// Fills a fresh database for the labelling benchmarks through the app's own services: generated
/// pieces scored by the default model and stored (in batches, concurrently), then labels saved the
/// way the page saves them, following the queue.
/// </summary>
internal static class BenchDatabase
{
    public static async Task<Dictionary<long, IReadOnlyDictionary<string, Stance>>> FillAsync(string database, int pieces, int seed, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(database, verbose: false, cancellationToken);
        var store = host.Services.GetRequiredService<IStanceStore>();
        var scorer = host.Services.GetRequiredService<ScorerProvider>().Current;
        var generator = new CommentaryGenerator(seed);
        var truth = new Dictionary<long, IReadOnlyDictionary<string, Stance>>();
        var outlets = Enumerable.Range(1, 60).Select(i => $"Outlet {i:00}").ToArray();
        var authors = Enumerable.Range(1, 600).Select(i => $"Author {i:000}").ToArray();
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        var batch = new List<(Piece Piece, IReadOnlyDictionary<string, Stance> Stances)>();
        for (var i = 0; i < pieces; i++)
        {
            var (title, text, stances) = generator.Next();
            var author = random.Next(authors.Length);
            batch.Add((new Piece
            {
                Title = title,
                Text = text,
                Authors = random.NextDouble() < 0.2 ? [authors[author], authors[(author + 1) % authors.Length]] : [authors[author]],
                Outlet = outlets[(int)Math.Floor(Math.Pow(random.NextDouble(), 2) * outlets.Length)],
                Published = new DateTimeOffset(2020, 9, 27, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(60 * 24 * 60)),
            }, stances));
            if (batch.Count == 500 || i == pieces - 1)
            {
                var scored = batch.AsParallel().AsOrdered().Select(b => (b.Piece, b.Stances, Scores: scorer.Score(b.Piece.Text))).ToArray();
                foreach (var (piece, stanceMap, scores) in scored)
                {
                    var added = await store.AddScoredPieceAsync(piece, scores, cancellationToken: cancellationToken);
                    truth[added.Id] = stanceMap;
                }

                batch.Clear();
                Console.Error.Write($"\r  stored {i + 1:N0}/{pieces:N0} pieces ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }

        Console.Error.WriteLine();
        return truth;
    }

    /// <summary>Labels pieces as <paramref name="annotator"/> following the queue, with the generated true stances, until <paramref name="labels"/> labels are stored.</summary>
    public static async Task<int> LabelAsync(string database, string annotator, int labels, IReadOnlyDictionary<long, IReadOnlyDictionary<string, Stance>> truth, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(database, verbose: false, cancellationToken);
        var queue = host.Services.GetRequiredService<LabelQueue>();
        var service = host.Services.GetRequiredService<LabelService>();
        var saved = 0;
        var watch = Stopwatch.StartNew();
        while (saved < labels && await queue.NextAsync(annotator, cancellationToken) is { } pick)
        {
            var stances = truth[pick.PieceId];
            var input = new LabelsInput(pick.PieceId, stances.Select(s => new LabelInput(s.Key, StanceText.ToText(s.Value))).ToArray(), "queue");
            var outcome = await service.SaveAsync(input, annotator, cancellationToken);
            saved += outcome.Result?.Saved.Count ?? throw new InvalidOperationException($"Saving labels of piece {pick.PieceId} failed: {outcome.Errors?.First().Value[0] ?? outcome.NotFound}");
            if (saved % 500 < stances.Count)
            {
                Console.Error.Write($"\r  {annotator}: {saved:N0}/{labels:N0} labels ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }

        Console.Error.WriteLine();
        return saved;
    }
}
