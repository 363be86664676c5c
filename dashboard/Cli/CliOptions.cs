using System.CommandLine;

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
}
