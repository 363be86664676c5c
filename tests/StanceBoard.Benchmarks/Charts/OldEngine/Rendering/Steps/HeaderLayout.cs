using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Wraps the title (bold, at most two lines) and subtitle (at most two lines).</summary>
internal static class HeaderLayout
{
    /// <summary>Adds the header lines and returns the y below them.</summary>
    public static double Compute(RenderContext context)
    {
        var theme = context.Theme;
        var x = theme.Padding;
        var width = context.Width - (2 * theme.Padding);
        var y = theme.Padding;
        var title = new TextStyle(theme.TitleSize, theme.Text, Bold: true);
        foreach (var line in TextFit.Wrap(context.Spec.Title, width, title.Size, true, 2))
        {
            y += title.Size * theme.LineHeight;
            context.Header.Add(new TextLine(x, y - (title.Size * 0.28), line, title));
        }

        var subtitle = new TextStyle(theme.SubtitleSize, theme.SecondaryText);
        var subtitleLines = TextFit.Wrap(context.Spec.Subtitle, width, subtitle.Size, false, 2);
        if (subtitleLines.Count > 0)
        {
            y += theme.BaseSize * 0.15;
        }

        foreach (var line in subtitleLines)
        {
            y += subtitle.Size * theme.LineHeight;
            context.Header.Add(new TextLine(x, y - (subtitle.Size * 0.28), line, subtitle));
        }

        return y;
    }
}
