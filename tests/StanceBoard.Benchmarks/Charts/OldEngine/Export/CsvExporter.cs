using System.Text;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Export;

/// <summary>
/// Writes a chart's data as RFC 4180 CSV (UTF-8 without BOM, LF line ends). Fields with a comma,
/// quote or line break are quoted; text fields that start like a spreadsheet formula
/// (<c>= + - @</c>, tab, CR) get a leading apostrophe so opening the file runs nothing.
/// </summary>
internal static class CsvExporter
{
    public static byte[] Export(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sb = new StringBuilder();
        AppendRow(sb, data.Columns);
        foreach (var row in data.Rows)
        {
            AppendRow(sb, row);
        }

        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Field(cells[i]));
        }

        sb.Append('\n');
    }
}
