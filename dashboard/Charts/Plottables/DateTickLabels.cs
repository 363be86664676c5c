using System.Globalization;
using ScottPlot;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// ScottPlot's automatic date ticks (which choose a unit whose labels fit), relabelled in the
/// charts' invariant style: "5 Oct" for days and weeks, "Oct" for months, "2020" for years, with
/// the year on a second line at the first tick and wherever it changes.
/// </summary>
internal sealed class DateTickLabels : ScottPlot.TickGenerators.IDateTimeTickGenerator
{
    private readonly ScottPlot.TickGenerators.DateTimeAutomatic _inner = new() { LabelFormatter = d => "28 Sep" };

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount { get => _inner.MaxTickCount; set => _inner.MaxTickCount = value; }

    public IEnumerable<double> ConvertToCoordinateSpace(IEnumerable<DateTime> dates) => _inner.ConvertToCoordinateSpace(dates);

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        _inner.Regenerate(range, edge, size, paint, labelStyle);
        var unit = _inner.TimeUnit?.GetType().Name ?? "Day";
        var previousYear = -1;
        var ticks = new List<Tick>();
        var positions = _inner.Ticks.Where(t => t.IsMajor).Select(t => t.Position).ToList();
        if (unit is not ("Year" or "Month" or "Day"))
        {
            // Bins are whole days: a range of a few days gets a tick per day, not hours.
            unit = "Day";
            positions = [];
            for (var d = Math.Ceiling(range.Min); d <= range.Max; d++)
            {
                positions.Add(d);
            }
        }

        foreach (var position in positions)
        {
            var day = DateTime.FromOADate(position);
            var label = unit switch
            {
                "Year" => day.Year.ToString(CultureInfo.InvariantCulture),
                "Month" => DateText.Month(day.Month),
                _ => string.Create(CultureInfo.InvariantCulture, $"{day.Day} {DateText.Month(day.Month)}"),
            };
            if (unit != "Year" && day.Year != previousYear)
            {
                label += "\n" + day.Year.ToString(CultureInfo.InvariantCulture);
            }

            previousYear = day.Year;
            ticks.Add(new Tick(position, label, true));
        }

        Ticks = [.. ticks];
    }
}
