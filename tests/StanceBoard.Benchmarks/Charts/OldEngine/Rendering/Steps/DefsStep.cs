using System.Text;
using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Defines the hatch patterns that mark thin cells: dark lines, and light lines for dark fills.</summary>
internal sealed class DefsStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        var svg = context.Svg;
        svg.Raw("<defs>\n");
        Hatch(context, "thin", context.Theme.HatchStroke, 0.55);
        Hatch(context, "thin-light", "#ffffff", 0.7);
        svg.Raw("</defs>\n");
    }

    private static void Hatch(RenderContext context, string id, string stroke, double opacity)
    {
        var spacing = Math.Max(3, context.Theme.BaseSize * 0.42);
        var sb = new StringBuilder();
        sb.Append("<pattern id=\"").Append(context.Id(id)).Append("\" patternUnits=\"userSpaceOnUse\" width=\"");
        SvgNumber.Append(sb, spacing);
        sb.Append("\" height=\"");
        SvgNumber.Append(sb, spacing);
        sb.Append("\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"");
        SvgNumber.Append(sb, spacing);
        sb.Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"");
        SvgNumber.Append(sb, Math.Max(0.6, context.Theme.HairLine * 1.3));
        sb.Append("\" stroke-opacity=\"");
        SvgNumber.Append(sb, opacity);
        sb.Append("\"/></pattern>\n");
        context.Svg.Raw(sb.ToString());
    }
}
