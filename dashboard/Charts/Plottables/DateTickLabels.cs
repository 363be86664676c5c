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
        foreach (var tick in _inner.Ticks)
        {
            if (!tick.IsMajor)
            {
                continue;
            }

            var day = DateTime.FromOADate(tick.Position);
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
            ticks.Add(new Tick(tick.Position, label, true));
        }

        Ticks = [.. ticks];
    }
}
