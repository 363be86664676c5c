using System.CommandLine;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>serve [--db PATH] [--urls URLS] [--Key=Value...]</c>: runs the dashboard; <c>hostArgs</c> go to the web host as given.</summary>
internal static class ServeCommand
{
    public static Command Create(string[] hostArgs)
    {
        var command = new Command("serve", """
            Serve the dashboard, the API and the live hub (the default when no verb is given).
            Any other --Section:Key=Value flag sets configuration.

            Examples:
              stanceboard serve
              stanceboard serve --db /srv/stanceboard/board.db --urls http://0.0.0.0:8080
            """)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(CliOptions.Database());
        command.Options.Add(new Option<string>("--urls") { Description = "Addresses to listen on (default http://localhost:5000)." });
        command.SetAction((_, _) => CliApp.ServeAsync(hostArgs));
        return command;
    }
}
