using System.Reflection;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.ChartServing;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Tests.ChartServing;

public sealed class ChartRenderKeyTests
{
    private static readonly ChartRequest Basis = new()
    {
        Filter = new StanceFilter { From = new DateOnly(2020, 9, 1), To = new DateOnly(2020, 11, 30), Targets = ["Russia"], Authors = ["Ann Lee"], Outlets = ["Example"] },
    };

    // One changed value per settable property of ChartRequest (and of its filter, size and aggregation options).
    private static readonly Dictionary<string, ChartRequest> Changed = new()
    {
        ["Filter.From"] = Basis with { Filter = Basis.Filter with { From = new DateOnly(2020, 9, 2) } },
        ["Filter.To"] = Basis with { Filter = Basis.Filter with { To = null } },
        ["Filter.Targets"] = Basis with { Filter = Basis.Filter with { Targets = ["Russia", "Turkey"] } },
        ["Filter.Authors"] = Basis with { Filter = Basis.Filter with { Authors = ["Ann Lee|Example"] } },
        ["Filter.Outlets"] = Basis with { Filter = Basis.Filter with { Outlets = [] } },
        ["Bin"] = Basis with { Bin = TimeBin.Week },
        ["Title"] = Basis with { Title = "A" },
        ["Subtitle"] = Basis with { Subtitle = "A" },
        ["Caption"] = Basis with { Caption = "A" },
        ["SourceNote"] = Basis with { SourceNote = "A" },
        ["Size.WidthPx"] = Basis with { Size = Basis.Size with { WidthPx = 1201 } },
        ["Size.HeightPx"] = Basis with { Size = Basis.Size with { HeightPx = 751 } },
        ["Size.Dpi"] = Basis with { Size = Basis.Size with { Dpi = 97 } },
        ["Size.FontPt"] = Basis with { Size = Basis.Size with { FontPt = 10.5 } },
        ["Greyscale"] = Basis with { Greyscale = true },
        ["Aggregation.Bin"] = Basis with { Aggregation = Basis.Aggregation with { Bin = TimeBin.Day } },
        ["Aggregation.ThinThreshold"] = Basis with { Aggregation = Basis.Aggregation with { ThinThreshold = 6 } },
        ["Aggregation.IntervalLevel"] = Basis with { Aggregation = Basis.Aggregation with { IntervalLevel = 0.8 } },
        ["Aggregation.PriorStrength"] = Basis with { Aggregation = Basis.Aggregation with { PriorStrength = 3 } },
    };

    [Fact]
    public void ForOutput_EverySettableRequestProperty_IsCoveredHere()
    {
        static IEnumerable<string> Settable(Type type, string prefix) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).Select(p => prefix + p.Name);

        var properties = Settable(typeof(ChartRequest), "")
            .Where(p => p is not "Filter" and not "Size" and not "Aggregation")
            .Concat(Settable(typeof(StanceFilter), "Filter."))
            .Concat(Settable(typeof(ChartSize), "Size."))
            .Concat(Settable(typeof(AggregationOptions), "Aggregation."));

        // A new property must be added to ChartRenderKey.ForOutput (or a file is served for the wrong request) and to this list.
        properties.Order().ShouldBe(Changed.Keys.Order());
    }

    [Fact]
    public void ForOutput_AnyPropertyChanged_GivesAnotherKey()
    {
        var basis = ChartRenderKey.ForOutput("stance-timeline", ChartFormat.Svg, Basis);

        foreach (var (property, request) in Changed)
        {
            ChartRenderKey.ForOutput("stance-timeline", ChartFormat.Svg, request).ShouldNotBe(basis, property);
        }

        ChartRenderKey.ForOutput("stance-timeline", ChartFormat.Png, Basis).ShouldNotBe(basis);
        ChartRenderKey.ForOutput("author-heatmap", ChartFormat.Svg, Basis).ShouldNotBe(basis);
        ChartRenderKey.ForOutput("stance-timeline", ChartFormat.Svg, Basis with { }).ShouldBe(basis);
    }

    [Fact]
    public void ForFilter_TextsSizesAndFormats_DoNotChangeTheDataKey()
    {
        var basis = ChartRenderKey.ForFilter(Basis.Filter);

        foreach (var property in new[] { "Bin", "Title", "Subtitle", "Caption", "SourceNote", "Size.WidthPx", "Greyscale" })
        {
            ChartRenderKey.ForFilter(Changed[property].Filter).ShouldBe(basis, property);
        }

        ChartRenderKey.ForFilter(Changed["Filter.Authors"].Filter).ShouldNotBe(basis);
        ChartRenderKey.ForFilter(new StanceFilter { Targets = ["a|1:b"] }).ShouldNotBe(ChartRenderKey.ForFilter(new StanceFilter { Targets = ["a", "b"] }));
    }
}
