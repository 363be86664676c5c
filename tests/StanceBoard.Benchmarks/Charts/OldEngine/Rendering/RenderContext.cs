using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Spec;
using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Rendering;

/// <summary>What the render steps share: the spec, the theme, the SVG being written and the layout once computed.</summary>
internal sealed class RenderContext(ChartSpec spec)
{
    public ChartSpec Spec { get; } = spec;

    public ChartTheme Theme { get; } = new(spec.Size.FontPx, spec.Size.WidthInches);

    public SvgWriter Svg { get; } = new();

    public double Width => Spec.Size.LayoutWidth;

    public double Height => Spec.Size.LayoutHeight;

    public bool Greyscale => Spec.Greyscale;

    public List<TextLine> Header { get; } = [];

    public List<LegendEntryLayout> Legend { get; } = [];

    public List<TextLine> Footer { get; } = [];

    public List<PanelLayout> Panels { get; } = [];

    /// <summary>Remarks the layout adds to the footer ("Showing 20 of 57 authors…").</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The area between header and footer that holds the panels and their axes.</summary>
    public Rect PlotRegion { get; set; }

    /// <summary>The hatch that marks thin cells, in a tone that shows on <paramref name="under"/>.</summary>
    public string HatchFill(Rgb under) => "url(#" + Id(under.Luminance < 0.18 ? "thin-light" : "thin") + ")";

    /// <summary>An element id unique to this chart kind, so several charts can share a page.</summary>
    public string Id(string local) => "sb-" + Spec.Name + "-" + local;
}
