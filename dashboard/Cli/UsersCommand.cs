using System.CommandLine;
using System.Globalization;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Dashboard.Apis;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Cli;

/// <summary><c>users add|list|disable|enable|reset-password</c>: local accounts, so a fresh install can create its first admin without the page.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", """
            Manage the local accounts annotators and admins sign in with. Passwords are read from
            stdin (--password-stdin) or typed at the terminal, never from the command line; only
            their hashes are stored.

            Examples:
              stanceboard users add alice --role admin
              printf '%s\n' "$PASSWORD" | stanceboard users add bob --role annotator --password-stdin
              stanceboard users list --json
              stanceboard users disable bob
              stanceboard users reset-password bob
            """);
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetDisabled("disable", true, "Disable an account: it cannot sign in and its sessions end."));
        command.Subcommands.Add(SetDisabled("enable", false, "Enable a disabled account again (lifting any lockout)."));
        command.Subcommands.Add(ResetPassword());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The sign-in name: letters, digits, spaces and . _ - @." };
        var role = new Option<string>("--role") { Description = "annotator or admin.", Required = true, HelpName = "annotator|admin" };
        role.AcceptOnlyFromAmong(Roles.Annotator, Roles.Admin);
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of stdin." };
        var db = CliOptions.Database();
        var command = new Command("add", "Create an account; prints it as JSON (never the password).") { name, role, stdin, db };
        command.SetAction(async (parse, ct) =>
        {
            var password = await PasswordInput.ReadAsync(parse.GetValue(stdin));
            if (password is null)
            {
                return CliApp.Usage;
            }

            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var change = await host.Services.GetRequiredService<AccountService>().CreateAsync(parse.GetValue(name), parse.GetValue(role), password, ct);
            return Report(host, change, $"Account '{parse.GetValue(name)}' created.");
        });
        return command;
    }

    private static Command List()
    {
        var db = CliOptions.Database();
        var json = CliOptions.Json();
        var command = new Command("list", "List the accounts with role and status.") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var accounts = await host.Services.GetRequiredService<IUserStore>().ListAsync(ct);
            foreach (var account in accounts)
            {
                var dto = UserDto.From(account, now);
                if (parse.GetValue(json))
                {
                    CliOutput.WriteJsonLine(dto);
                }
                else
                {
                    var state = dto.Disabled ? "disabled" : dto.Locked ? "locked" : "active";
                    var last = dto.LastSignInUtc?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
                    Console.Out.WriteLine($"{dto.Name} ({dto.Role}, {state}, last sign-in {last})");
                }
            }

            if (accounts.Count == 0)
            {
                CliOutput.Info("No accounts. Create the first admin with: stanceboard users add <name> --role admin");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command SetDisabled(string verb, bool disabled, string description)
    {
        var name = new Argument<string>("name") { Description = "The account name." };
        var db = CliOptions.Database();
        var command = new Command(verb, description) { name, db };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var change = await host.Services.GetRequiredService<AccountService>().UpdateAsync(parse.GetValue(name)!, null, disabled, ct);
            return Report(host, change, $"Account '{parse.GetValue(name)}' {(disabled ? "disabled" : "enabled")}.");
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var name = new Argument<string>("name") { Description = "The account name." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the new password from the first line of stdin." };
        var db = CliOptions.Database();
        var command = new Command("reset-password", "Set a new password; the account's sessions end and any lockout is lifted.") { name, stdin, db };
        command.SetAction(async (parse, ct) =>
        {
            var password = await PasswordInput.ReadAsync(parse.GetValue(stdin));
            if (password is null)
            {
                return CliApp.Usage;
            }

            using var host = await CliHost.StartAsync(parse.GetValue(db), verbose: false, ct);
            var change = await host.Services.GetRequiredService<AccountService>().ResetPasswordAsync(parse.GetValue(name)!, password, ct);
            return Report(host, change, $"Password of '{parse.GetValue(name)}' reset; its sessions have ended.");
        });
        return command;
    }

    private static int Report(IHost host, AccountChange change, string done)
    {
        if (change.Error is { } error)
        {
            CliOutput.Info($"error: {error.Field}: {error.Message}");
            return error.Kind == AccountErrorKind.Invalid ? CliApp.Usage : CliApp.Failure;
        }

        CliOutput.WriteJsonLine(UserDto.From(change.Account!, host.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
        CliOutput.Info(done);
        return CliApp.Ok;
    }
}
