using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace StanceBoard.Dashboard.Cli;

/// <summary>Where verbs write: JSON lines to stdout, messages and progress to stderr.</summary>
internal static class CliOutput
{
    /// <summary>snake_case property names; dictionary keys (target names) kept as they are.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>A Spectre console on stderr; progress bars only when stderr is a terminal.</summary>
    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
    });

    public static bool ShowProgress => !Console.IsErrorRedirected;

    public static void WriteJsonLine<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void Problem(string location, string message) => Console.Error.WriteLine($"error: {location}: {message}");

    public static void Info(string message) => Console.Error.WriteLine(message);
}
