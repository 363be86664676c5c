using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>When there is no data, fills the plot region with a quiet box that says so.</summary>
internal sealed class EmptyMessageStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        if (context.Spec.EmptyMessage is not { } message)
        {
            return;
        }

        var theme = context.Theme;
        var region = context.PlotRegion;
        context.Svg.Rect(region, "#f7f7f7", theme.Grid, theme.HairLine);
        var size = theme.SubtitleSize;
        var lines = TextFit.Wrap(message, region.Width * 0.8, size, false, 3);
        var y = region.CenterY - ((lines.Count - 1) * size * theme.LineHeight / 2) + (size * FontMetrics.MiddleToBaselineEm);
        foreach (var line in lines)
        {
            context.Svg.Text(region.CenterX, y, line, new TextStyle(size, theme.SecondaryText, Anchor: TextAnchor.Middle));
            y += size * theme.LineHeight;
        }
    }
}
