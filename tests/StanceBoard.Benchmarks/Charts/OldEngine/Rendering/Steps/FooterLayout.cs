using System.Globalization;
using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>
/// Lays the footer out from the bottom up: the caption (at most five lines), then one
/// provenance line set smaller: source note · date range · n · model version · layout notes.
/// </summary>
internal static class FooterLayout
{
    /// <summary>Adds the footer lines and returns the y of the footer's top.</summary>
    public static double Compute(RenderContext context)
    {
        var theme = context.Theme;
        var spec = context.Spec;
        var x = theme.Padding;
        var width = context.Width - (2 * theme.Padding);
        var caption = new TextStyle(theme.CaptionSize, theme.Text);
        var meta = new TextStyle(theme.MetaSize, theme.SecondaryText);

        var captionLines = TextFit.Wrap(spec.Caption, width, caption.Size, false, 5);
        var metaLines = TextFit.Wrap(MetaText(context), width, meta.Size, false, 3);
        var height = (captionLines.Count * caption.Size * theme.LineHeight)
            + (metaLines.Count * meta.Size * theme.LineHeight)
            + (captionLines.Count > 0 ? theme.BaseSize * 0.35 : 0);
        var top = context.Height - theme.Padding - height;

        // A rule separates the footer from the chart.
        var y = top;
        foreach (var line in captionLines)
        {
            y += caption.Size * theme.LineHeight;
            context.Footer.Add(new TextLine(x, y - (caption.Size * 0.28), line, caption));
        }

        if (captionLines.Count > 0)
        {
            y += theme.BaseSize * 0.35;
        }

        foreach (var line in metaLines)
        {
            y += meta.Size * theme.LineHeight;
            context.Footer.Add(new TextLine(x, y - (meta.Size * 0.28), line, meta));
        }

        return top;
    }

    private static string MetaText(RenderContext context)
    {
        var spec = context.Spec;
        var versions = spec.ModelVersions.Count switch
        {
            0 => "Model: none",
            1 => "Model " + spec.ModelVersions[0],
            _ => "Models " + string.Join(", ", spec.ModelVersions),
        };
        var parts = new List<string>
        {
            "Source: " + spec.SourceNote,
            spec.DateRange,
            string.Create(CultureInfo.InvariantCulture, $"n = {spec.Pieces:N0} {(spec.Pieces == 1 ? "piece" : "pieces")}"),
            versions,
        };
        parts.AddRange(context.Notes);
        return string.Join("  \u00b7  ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
