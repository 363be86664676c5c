using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace StanceBoard.Dashboard.Cli;

/// <summary>Options several verbs share.</summary>
internal static class CliOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = "SQLite database file (default: data/stanceboard.db under the working directory).",
        HelpName = "PATH",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object per result on stdout.",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Log more detail to stderr.",
    };

    /// <summary>
    /// A whole-number option from <paramref name="min"/> to <paramref name="max"/>; a bad value is
    /// reported in words ("--cv: 'abc' is not a whole number from 2 to 20.") and exits with 2.
    /// </summary>
    public static Option<int?> WholeNumber(string name, int min, int max) => new(name)
    {
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: '{text}' is not a whole number from {min} to {max}."));
            return null;
        },
    };

    /// <summary>A number option above <paramref name="above"/> and at most <paramref name="max"/>; a bad value is reported in words and exits with 2.</summary>
    public static Option<double?> Number(string name, double above, double max) => new(name)
    {
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > above && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: '{text}' is not a number above {above} and at most {max}."));
            return null;
        },
    };
}
