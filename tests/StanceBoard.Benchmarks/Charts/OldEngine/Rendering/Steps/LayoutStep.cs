using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Measures header, legend and footer, then lays the panels out in the space left.</summary>
internal sealed class LayoutStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        var headerBottom = LegendLayout.Compute(context, HeaderLayout.Compute(context));
        var region = Region(context, headerBottom, FooterLayout.Compute(context));
        PanelLayouter.Compute(context, region);
        if (context.Notes.Count > 0)
        {
            // The notes lengthen the footer: lay the panels out again in the smaller space.
            context.Footer.Clear();
            context.Panels.Clear();
            region = Region(context, headerBottom, FooterLayout.Compute(context));
            context.Notes.Clear();
            PanelLayouter.Compute(context, region);
            context.Footer.Clear();
            FooterLayout.Compute(context);
        }

        context.PlotRegion = region;
    }

    private static Rect Region(RenderContext context, double headerBottom, double footerTop)
    {
        var theme = context.Theme;
        var top = headerBottom + theme.Gap;
        var bottom = footerTop - (theme.Gap * 1.6);
        return new Rect(theme.Padding, top, context.Width - (2 * theme.Padding), Math.Max(theme.BaseSize * 4, bottom - top));
    }
}
