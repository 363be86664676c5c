using StanceBoard.Analysis.Aggregation;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>What to chart and how: filters, texts, size and options.</summary>
internal sealed record ChartRequest
{
    /// <summary>Which observations to include.</summary>
    public StanceFilter Filter { get; init; } = StanceFilter.All;

    /// <summary>The time bin for <c>stance-timeline</c>; <see langword="null"/> picks day, week or month from the range.</summary>
    public TimeBin? Bin { get; init; }

    /// <summary>Replaces the chart's default title.</summary>
    public string? Title { get; init; }

    /// <summary>Replaces the chart's default subtitle.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Replaces the chart's default caption (which explains the method).</summary>
    public string? Caption { get; init; }

    /// <summary>The source note in the footer.</summary>
    public string SourceNote { get; init; } = "StanceBoard analysis of published commentary";

    /// <summary>The output size.</summary>
    public ChartSize Size { get; init; } = ChartPresets.Screen;

    /// <summary>Draws with a greyscale palette that keeps the stance sign readable without colour.</summary>
    public bool Greyscale { get; init; }

    /// <summary>Aggregation options (thin threshold, interval level, prior strength).</summary>
    public AggregationOptions Aggregation { get; init; } = AggregationOptions.Default;

    /// <summary>The longest title, subtitle or caption accepted, in characters.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Throws <see cref="ChartParameterException"/> naming the first bad parameter.</summary>
    public void Validate()
    {
        Size.Validate();
        CheckText("title", Title);
        CheckText("subtitle", Subtitle);
        CheckText("caption", Caption);
        CheckText("source", SourceNote);
        if (Filter.From is { } from && Filter.To is { } to && from > to)
        {
            throw new ChartParameterException("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        }

        try
        {
            Aggregation.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ChartParameterException(e.ParamName ?? "aggregation", e.Message);
        }
    }

    private static void CheckText(string name, string? value)
    {
        if (value is { Length: > MaxTextLength })
        {
            throw new ChartParameterException(name, $"{name} must be at most {MaxTextLength} characters; got {value.Length}.");
        }
    }
}
