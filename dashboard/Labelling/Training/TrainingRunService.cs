using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Corpus;
using StanceBoard.Analysis.Data;
using StanceBoard.Dashboard.Hosting;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling.Training;

/// <summary>
/// Runs one training at a time in the background, started from the model page: gold labels outside
/// the evaluation slice (plus the bootstrap corpus at the weight asked for) → a candidate version
/// (registered, inactive) → the comparison with the active model on the held-out gold labels → a
/// learning curve. Progress goes to <see cref="ITrainingProgressSink"/>s (the hub); a run can be
/// cancelled at any stage. Promoting or discarding the candidate is the admin's decision.
/// </summary>
public sealed class TrainingRunService(
    ILabelStore labels,
    ITrainingRunStore runs,
    IStanceStore pieces,
    ModelTrainingRunner runner,
    IEnumerable<ITrainingProgressSink> sinks,
    IOptions<ModelOptions> modelOptions,
    IOptions<LabellingOptions> labelling,
    TimeProvider time,
    ILogger<TrainingRunService> logger) : IHostedService
{
    public const int ChangedSample = 300;
    public const int ChangedExamples = 12;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly double[] CurveFractions = [0.25, 0.5, 0.75];

    private readonly ITrainingProgressSink[] _sinks = sinks.ToArray();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenSource? _run;
    private Task _task = Task.CompletedTask;
    private bool _busy;
    private TrainingStatus? _current;
    private double _lastReported = -1;

    /// <summary>The run of this process, while it runs or after it ended; <see langword="null"/> before any.</summary>
    public TrainingStatus? Current => _current;

    /// <summary>Starts a run; refused (with the reason) while another runs.</summary>
    public async Task<(TrainingStatus? Status, string? Error)> StartAsync(TrainingRequest request, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var weight = request.BootstrapWeight ?? 1;
        if (!double.IsFinite(weight) || weight < 0 || weight > BootstrapMix.MaxWeight)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"bootstrapWeight must be from 0 to {BootstrapMix.MaxWeight}."));
        }

        lock (_gate)
        {
            if (_busy)
            {
                return (null, $"Training run {_current?.RunId} is still going ({_current?.Stage}); cancel it or wait for it.");
            }

            _busy = true;
        }

        try
        {
            await runs.AbandonRunningAsync(cancellationToken);
            var baseline = runner.ActiveModel?.Version;
            var id = await runs.StartAsync(requestedBy, baseline, cancellationToken);
            var status = new TrainingStatus(id, "running", "starting", 0, time.GetUtcNow(), null, requestedBy, baseline, null, null, null, null, null);
            _current = status;
            _lastReported = -1;
            _run = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var token = _run.Token;
            logger.LogInformation("Training run {RunId} started by {User} (bootstrap weight {Weight})", id, requestedBy, weight);
            _task = Task.Run(() => RunAsync(status, weight, token), CancellationToken.None);
            return (status, null);
        }
        catch
        {
            lock (_gate)
            {
                _busy = false;
            }

            throw;
        }
    }

    /// <summary>Cancels the run in progress (or its learning curve); false when nothing runs.</summary>
    public bool Cancel()
    {
        lock (_gate)
        {
            if (!_busy || _run is null)
            {
                return false;
            }

            _run.Cancel();
            return true;
        }
    }

    /// <summary>The latest run: this process's, or the latest stored one.</summary>
    public async Task<TrainingStatus?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            var stored = await runs.GetAsync(current.RunId, cancellationToken);
            return current with { Decision = stored?.Decision, DecidedBy = stored?.DecidedBy };
        }

        var latest = (await runs.ListAsync(1, cancellationToken)).FirstOrDefault();
        return latest is null ? null : FromRecord(latest);
    }

    /// <summary>Earlier runs, newest first.</summary>
    public async Task<IReadOnlyList<TrainingStatus>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
        (await runs.ListAsync(limit, cancellationToken)).Select(r => _current?.RunId == r.Id && _current.State == "running" ? _current : FromRecord(r)).ToArray();

    /// <summary>Makes a finished run's candidate the active version (stored pieces are then re-scored).</summary>
    public async Task<(ModelVersionInfo? Info, int Status, string? Error)> PromoteAsync(long runId, string admin, CancellationToken cancellationToken = default)
    {
        var (run, status, error) = await DecidableAsync(runId, cancellationToken);
        if (run is null)
        {
            return (null, status, error);
        }

        var (info, notFound, failure) = await runner.PromoteAsync(run.CandidateVersion!, cancellationToken);
        if (info is null)
        {
            return (null, notFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, failure);
        }

        await runs.DecideAsync(runId, "promoted", admin, cancellationToken);
        logger.LogInformation("{Admin} promoted {Version} from training run {RunId}", admin, info.Version, runId);
        await AnnounceDecisionAsync(runId, cancellationToken);
        return (info, StatusCodes.Status200OK, null);
    }

    /// <summary>Records that a finished run's candidate is not wanted (its version stays stored, inactive).</summary>
    public async Task<(int Status, string? Error)> DiscardAsync(long runId, string admin, CancellationToken cancellationToken = default)
    {
        var (run, status, error) = await DecidableAsync(runId, cancellationToken);
        if (run is null)
        {
            return (status, error);
        }

        await runs.DecideAsync(runId, "discarded", admin, cancellationToken);
        logger.LogInformation("{Admin} discarded {Version} from training run {RunId}", admin, run.CandidateVersion, runId);
        await AnnounceDecisionAsync(runId, cancellationToken);
        return (StatusCodes.Status200OK, null);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _task.WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(TrainingStatus status, double weight, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        TrainingResult? result = null;
        try
        {
            status = await ReportAsync(status with { Stage = "collecting labels", Fraction = 0.01 }, force: true);
            var (gold, disagreements) = await GoldLabels.ResolveWithDisagreementsAsync(labels.ReadAllAsync(false, cancellationToken), cancellationToken);
            var train = gold.Where(g => g.Split == LabelSplits.Train).ToArray();
            var heldOut = gold.Where(g => g.Split == LabelSplits.Holdout).ToArray();
            var corpus = BootstrapCorpus.Load();
            var bootstrap = BootstrapMix.Take(corpus, weight, modelOptions.Value.Seed);
            var toExample = Examples();
            var examples = train.Select(toExample).Concat(bootstrap).ToArray();
            if (examples.Length == 0)
            {
                throw new InvalidOperationException("Nothing to train on: there are no gold labels outside the evaluation slice and the bootstrap weight is 0.");
            }

            var collected = time.GetElapsedTime(started);
            var inputs = new TrainingInputs(train.Length, heldOut.Length, disagreements, bootstrap.Count, weight, corpus.Count, examples.Length, null);
            result = new TrainingResult(inputs, null, null, null);
            status = await ReportAsync(status with { Stage = "training", Fraction = 0.05, Result = result }, force: true);

            var fitting = Task.Run(
                () => runner.Train(examples, labelling.Value.SearchRegularisation, (stage, fraction) => _ = ReportAsync(_current! with { Stage = "training: " + stage, Fraction = 0.05 + (0.75 * fraction) }, force: false), cancellationToken),
                cancellationToken);
            Observe(fitting);
            var candidate = await fitting.WaitAsync(cancellationToken);
            var trained = time.GetElapsedTime(started);

            status = await ReportAsync(_current! with { Stage = "comparing on held-out labels", Fraction = 0.85 }, force: true);
            var baselineModel = runner.ActiveModel;
            var comparing = Task.Run(
                async () =>
                {
                    var baseline = ComparisonBuilder.Measure(baselineModel, runner.Targets, heldOut, cancellationToken);
                    var measured = ComparisonBuilder.Measure(candidate.Model, runner.Targets, heldOut, cancellationToken);
                    var sample = await pieces.ListPiecesAsync(new PieceQuery { Limit = ChangedSample }, cancellationToken);
                    return (baseline, measured, ComparisonBuilder.Changed(sample, candidate.Model, runner.Targets, ChangedExamples, cancellationToken));
                },
                cancellationToken);
            Observe(comparing);
            var (baselineMetrics, candidateMetrics, changed) = await comparing.WaitAsync(cancellationToken);
            var version = await runner.RegisterAsync(candidate, string.Create(CultureInfo.InvariantCulture, $"labels ({train.Length} + bootstrap ×{weight:0.##})"), cancellationToken);
            var comparison = new ModelComparison(
                heldOut.Length,
                new ModelScore(baselineModel?.Version, baselineMetrics),
                new ModelScore(version, candidateMetrics),
                ComparisonBuilder.PerTarget(baselineMetrics, candidateMetrics),
                changed);
            var compared = time.GetElapsedTime(started);
            result = new TrainingResult(
                inputs with { Hyperparameters = candidate.Hyperparameters },
                comparison,
                heldOut.Length == 0 ? new LearningCurve("skipped", [], "The learning curve needs held-out gold labels: label pieces from the evaluation slice (the queue sends them).") : new LearningCurve("running", [], null),
                new TrainingTimings(Seconds(collected), Seconds(trained - collected), Seconds(compared - trained), Seconds(compared)));
            status = status with { State = "finished", Stage = "compared", Fraction = 1, CandidateVersion = version, FinishedUtc = time.GetUtcNow(), Result = result };
            await runs.UpdateAsync(status.RunId, "finished", version, Serialize(result), null, finished: true, CancellationToken.None);
            status = await ReportAsync(status, force: true);
            logger.LogInformation(
                "Training run {RunId}: {Version} on {Examples} examples, f_avg {Candidate} vs {Baseline} on {HeldOut} held-out labels; comparison after {Seconds:F1} s",
                status.RunId, version, examples.Length, candidateMetrics?.FAvg, baselineMetrics?.FAvg, heldOut.Length, compared.TotalSeconds);

            if (heldOut.Length > 0)
            {
                await LearningCurveAsync(status, candidate, examples[..train.Length], train, bootstrap, heldOut, candidateMetrics!.FAvg, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var current = _current ?? status;
            if (current.State == "finished" && current.Result is { } done)
            {
                var stopped = done with { Curve = done.Curve! with { State = "cancelled" } };
                await runs.UpdateAsync(current.RunId, "finished", null, Serialize(stopped), null, finished: true, CancellationToken.None);
                await ReportAsync(current with { Stage = "learning curve cancelled", Result = stopped }, force: true);
            }
            else
            {
                await runs.UpdateAsync(current.RunId, "cancelled", null, result is null ? null : Serialize(result), "Cancelled.", finished: true, CancellationToken.None);
                await ReportAsync(current with { State = "cancelled", Stage = "cancelled", FinishedUtc = time.GetUtcNow(), Error = "Cancelled." }, force: true);
            }

            logger.LogInformation("Training run {RunId} cancelled", current.RunId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var current = _current ?? status;
            logger.LogError(ex, "Training run {RunId} failed", current.RunId);
            var message = ex is InvalidOperationException or ArgumentException ? UserMessage.Of(ex) : $"The run failed: {ex.GetType().Name}: {ex.Message}";
            if (current.State == "finished" && current.Result is { } done)
            {
                var failed = done with { Curve = new LearningCurve("failed", done.Curve?.Points ?? [], message) };
                await runs.UpdateAsync(current.RunId, "finished", null, Serialize(failed), null, finished: true, CancellationToken.None);
                await ReportAsync(current with { Result = failed }, force: true);
            }
            else
            {
                await runs.UpdateAsync(current.RunId, "failed", null, result is null ? null : Serialize(result), message, finished: true, CancellationToken.None);
                await ReportAsync(current with { State = "failed", Stage = "failed", FinishedUtc = time.GetUtcNow(), Error = message }, force: true);
            }
        }
        finally
        {
            lock (_gate)
            {
                _busy = false;
            }
        }
    }

    private async Task LearningCurveAsync(
        TrainingStatus status,
        TrainedCandidate candidate,
        LabelledExample[] trainExamples,
        IReadOnlyList<GoldLabel> train,
        IReadOnlyList<LabelledExample> bootstrap,
        IReadOnlyList<GoldLabel> heldOut,
        double fullFAvg,
        CancellationToken cancellationToken)
    {
        // Subsets by unit (all of a piece's targets together), in a seeded random order.
        var units = train.Select(g => g.UnitId).Distinct().Order().ToArray();
        new Random(modelOptions.Value.Seed).Shuffle(units);
        var points = new List<LearningCurvePoint>();
        var sizes = (bootstrap.Count > 0 ? [0.0] : Array.Empty<double>()).Concat(CurveFractions).ToArray();
        for (var i = 0; i < sizes.Length; i++)
        {
            var keep = units.Take((int)Math.Round(sizes[i] * units.Length)).ToHashSet();
            var subset = trainExamples.Where((_, k) => keep.Contains(train[k].UnitId)).ToArray();
            if (subset.Length + bootstrap.Count == 0 || (points.Count > 0 && subset.Length == points[^1].Labels))
            {
                continue;
            }

            var result = status.Result!;
            status = await ReportAsync(status with { Stage = $"learning curve {i + 1}/{sizes.Length + 1}", Result = result with { Curve = new LearningCurve("running", points.ToArray(), null) } }, force: true);
            var fitting = Task.Run(() => runner.TrainLike(candidate, subset.Concat(bootstrap).ToArray(), cancellationToken), cancellationToken);
            Observe(fitting);
            var model = await fitting.WaitAsync(cancellationToken);
            var metrics = ComparisonBuilder.Measure(model, runner.Targets, heldOut, cancellationToken);
            points.Add(new LearningCurvePoint(subset.Length, Math.Round(metrics?.FAvg ?? 0, 4)));
        }

        points.Add(new LearningCurvePoint(train.Count, Math.Round(fullFAvg, 4)));
        var finished = status.Result! with { Curve = new LearningCurve("finished", points.ToArray(), null) };
        await runs.UpdateAsync(status.RunId, "finished", null, Serialize(finished), null, finished: true, CancellationToken.None);
        await ReportAsync(status with { Stage = "compared", Result = finished }, force: true);
    }

    private async Task<(TrainingRunRecord? Run, int Status, string? Error)> DecidableAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken);
        if (run is null)
        {
            return (null, StatusCodes.Status404NotFound, $"There is no training run {runId}.");
        }

        if (run.State != "finished" || run.CandidateVersion is null)
        {
            return (null, StatusCodes.Status409Conflict, $"Training run {runId} has no candidate to decide on (it is {run.State}).");
        }

        return run.Decision is not null
            ? (null, StatusCodes.Status409Conflict, $"The candidate of training run {runId} was {run.Decision} already.")
            : (run, StatusCodes.Status200OK, null);
    }

    private async Task AnnounceDecisionAsync(long runId, CancellationToken cancellationToken)
    {
        if (_current?.RunId == runId && await GetLatestAsync(cancellationToken) is { } latest)
        {
            _current = latest;
            await ReportAsync(latest, force: true);
        }
    }

    private async Task<TrainingStatus> ReportAsync(TrainingStatus status, bool force)
    {
        _current = status;
        if (!force && status.Fraction - _lastReported < 0.02)
        {
            return status;
        }

        _lastReported = status.Fraction;
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.OnTrainingAsync(status, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reporting training progress to {Sink} failed", sink.GetType().Name);
            }
        }

        return status;
    }

    private TrainingStatus FromRecord(TrainingRunRecord record)
    {
        TrainingResult? result = null;
        if (record.ResultJson is { } json)
        {
            try
            {
                result = JsonSerializer.Deserialize<TrainingResult>(json, Json);
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Training run {RunId} has an unreadable result", record.Id);
            }
        }

        // A run stored as running that this process does not run was left by a process that stopped.
        var state = record.State == "running" ? "failed" : record.State;
        var error = record.State == "running" ? "The dashboard stopped while the run was in progress." : record.Error;
        return new TrainingStatus(record.Id, state, state == "finished" ? "compared" : state, state == "finished" ? 1 : 0, record.StartedUtc, record.FinishedUtc, record.RequestedBy, record.BaselineVersion, record.CandidateVersion, record.Decision, record.DecidedBy, error, result);
    }

    /// <summary>Turns gold labels into training examples, finding each piece's sentences and mentions once for all its labelled targets.</summary>
    private Func<GoldLabel, LabelledExample> Examples()
    {
        var parsed = new Dictionary<long, (IReadOnlyList<Analysis.Text.Sentence> Sentences, IReadOnlyList<Analysis.Targets.Mention> Mentions)>();
        return gold =>
        {
            if (!parsed.TryGetValue(gold.UnitId, out var found))
            {
                var split = Analysis.Text.SentenceSegmenter.Split(gold.Text);
                parsed[gold.UnitId] = found = (split, runner.Targets.FindMentions(gold.Text, split));
            }

            return new LabelledExample
            {
                Text = TrainingPassages.Extract(gold.Text, gold.Target, gold.Evidence, found.Sentences, found.Mentions),
                Target = gold.Target,
                Stance = gold.Stance,
                Id = gold.UnitId.ToString(CultureInfo.InvariantCulture),
            };
        };
    }

    private static string Serialize(TrainingResult result) => JsonSerializer.Serialize(result, Json);

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);

    // A fit abandoned on cancel may still end in an exception; observe it so it is not reported as unobserved.
    private static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
