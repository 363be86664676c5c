using System.Globalization;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Spec;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Builders;

/// <summary>The filtered observations of a request and what every chart says about them: targets in order, n, model versions, date range.</summary>
internal sealed class ChartInputs
{
    public ChartInputs(IEnumerable<StanceObservation> observations, ChartRequest request)
    {
        ArgumentNullException.ThrowIfNull(observations);
        Request = request;

        // A snapshot taken with this very filter (the chart cache's) is already filtered, and what is
        // said about it here is computed once for every chart, title and size drawn from it.
        var summary = observations is ObservationSnapshot snapshot && snapshot.IsSelectedBy(request.Filter)
            ? snapshot.GetOrCompute(typeof(Summary), s => new Summary(s, s.Filter))
            : new Summary(request.Filter.Apply(observations).ToList(), request.Filter);
        Observations = summary.Observations;
        Pieces = summary.Pieces;
        ModelVersions = summary.ModelVersions;
        Targets = summary.Targets;
        First = summary.First;
        Last = summary.Last;
    }

    public ChartRequest Request { get; }

    public IReadOnlyList<StanceObservation> Observations { get; }

    public int Pieces { get; }

    public IReadOnlyList<string> ModelVersions { get; }

    public IReadOnlyList<string> Targets { get; }

    public DateOnly? First { get; }

    public DateOnly? Last { get; }

    public bool Greyscale => Request.Greyscale;

    public AggregationOptions Aggregation => Request.Aggregation;

    public string DateRange => (First, Last) switch
    {
        ({ } f, { } l) => DateText.FormatRange(f, l),
        ({ } f, null) => "From " + DateText.FormatDay(f),
        (null, { } l) => "Until " + DateText.FormatDay(l),
        _ => "All dates",
    };

    public string IntervalPercent => (Aggregation.IntervalLevel * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>The standard method note for charts of stance scores.</summary>
    public string MethodCaption(string? thinMark) => string.Create(
        CultureInfo.InvariantCulture,
        $"Stance score = p(favor) \u2212 p(against) from the stance model, from \u22121 (against) to +1 (favor). Means are shrunk towards each target's overall mean with the weight of {Aggregation.PriorStrength:0.#} pieces; intervals are {IntervalPercent} Bayesian credible intervals.{(thinMark is null ? string.Empty : $" {thinMark}: fewer than {Aggregation.ThinThreshold} pieces.")}");

    /// <summary>A figure with this request's texts, provenance and size; the builder adds the body and legend.</summary>
    public ChartFigure Figure(string name, string title, string subtitle, string caption, ChartData data) => new()
    {
        Name = name,
        Title = Request.Title ?? title,
        Subtitle = Request.Subtitle ?? subtitle,
        Caption = Request.Caption ?? caption,
        SourceNote = Request.SourceNote,
        DateRange = DateRange,
        Pieces = Pieces,
        ModelVersions = ModelVersions,
        Size = Request.Size,
        Greyscale = Request.Greyscale,
        Data = data,
    };

    /// <summary>"No scored pieces match these filters (…)."</summary>
    public string EmptyMessage()
    {
        var parts = new List<string>();
        var f = Request.Filter;
        if (f.HasDateRange)
        {
            parts.Add(DateRange);
        }

        if (f.Targets.Count > 0)
        {
            parts.Add("targets: " + string.Join(", ", f.Targets));
        }

        if (f.Authors.Count > 0)
        {
            parts.Add("authors: " + string.Join(", ", f.Authors));
        }

        if (f.Outlets.Count > 0)
        {
            parts.Add("outlets: " + string.Join(", ", f.Outlets));
        }

        return "No data for these filters" + (parts.Count > 0 ? " (" + string.Join("; ", parts) + ")." : ".");
    }

    /// <summary>"Russia, Turkey and Azerbaijan", or <paramref name="fallback"/> for none or more than four.</summary>
    public string TargetList(string fallback)
    {
        var names = Targets.Count > 0 ? Targets : Request.Filter.Targets;
        return names.Count switch
        {
            0 => fallback,
            1 => names[0],
            <= 4 => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
            _ => fallback,
        };
    }

    private sealed class Summary
    {
        public Summary(IReadOnlyList<StanceObservation> observations, StanceFilter filter)
        {
            Observations = observations;
            Pieces = observations.Select(o => o.PieceId).Distinct().Count();
            ModelVersions = observations.Select(o => o.ModelVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

            // Targets in the order the filter names them, otherwise most pieces first.
            var present = observations
                .DistinctBy(o => (o.PieceId, o.Target))
                .GroupBy(o => o.Target, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .ToList();
            Targets = filter.Targets.Count == 0
                ? present
                : filter.Targets.Select(t => present.FirstOrDefault(p => string.Equals(p, t, StringComparison.OrdinalIgnoreCase))).OfType<string>().Distinct().ToList();

            var days = observations.Where(o => o.Published is not null).Select(o => DateOnly.FromDateTime(o.Published!.Value.UtcDateTime)).ToList();
            First = filter.From ?? (days.Count > 0 ? days.Min() : null);
            Last = filter.To ?? (days.Count > 0 ? days.Max() : null);
        }

        public IReadOnlyList<StanceObservation> Observations { get; }

        public int Pieces { get; }

        public IReadOnlyList<string> ModelVersions { get; }

        public IReadOnlyList<string> Targets { get; }

        public DateOnly? First { get; }

        public DateOnly? Last { get; }
    }
}
