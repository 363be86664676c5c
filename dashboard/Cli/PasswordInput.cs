using System.Text;

namespace StanceBoard.Dashboard.Cli;

/// <summary>
/// Reads a password for the <c>users</c> verbs: from stdin with <c>--password-stdin</c> (one line,
/// for scripts), else typed at the terminal without echo, twice. Never from the command line,
/// where other users of the machine could read it.
/// </summary>
internal static class PasswordInput
{
    public static async Task<string?> ReadAsync(bool fromStdin)
    {
        if (fromStdin)
        {
            var line = await Console.In.ReadLineAsync();
            if (string.IsNullOrEmpty(line))
            {
                CliOutput.Info("error: --password-stdin: stdin held no password (one line is read).");
                return null;
            }

            return line.TrimEnd('\r');
        }

        if (Console.IsInputRedirected)
        {
            CliOutput.Info("error: give the password on stdin with --password-stdin (it is never taken from the command line).");
            return null;
        }

        var first = Masked("Password: ");
        var second = Masked("Repeat it: ");
        if (first != second)
        {
            CliOutput.Info("error: the two passwords differ.");
            return null;
        }

        return first;
    }

    private static string Masked(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
