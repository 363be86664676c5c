using StanceBoard.Analysis.Data;

namespace StanceBoard.Dashboard.Cli;

/// <summary>Reads labelled data for the model verbs, reporting skipped rows on stderr as <c>FILE:LINE: why</c>.</summary>
internal static class LabelledFile
{
    /// <summary>The usable rows, or <see langword="null"/> (after printing why) when the file cannot be used.</summary>
    public static LabelledData? Read(string path, bool requireStance = true)
    {
        try
        {
            var data = new LabelledDataReader(new LabelledDataReaderOptions { RequireStance = requireStance }).ReadFile(path);
            Report(path, data.Problems, data.Examples.Count);
            return data;
        }
        catch (LabelledDataException ex)
        {
            Report(path, ex.Problems, 0);
            CliOutput.Problem(path, ex.Message);
            return null;
        }
        catch (IOException ex)
        {
            CliOutput.Problem(path, ex.Message);
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            CliOutput.Problem(path, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// The message for a run that left rows out: the verbs still do their work on the rows read, and
    /// then exit with <see cref="CliApp.Failure"/> so scripts notice that data was lost.
    /// </summary>
    public static string NotAllRowsUsed(string path, LabelledData data) =>
        $"{NotUsed(data.Problems)} row(s) of {path} were not used (listed above); exiting with 1.";

    private static int NotUsed(IReadOnlyList<DataProblem> problems) => problems.Select(p => p.Line).Distinct().Count();

    private static void Report(string path, IReadOnlyList<DataProblem> problems, int used)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"warning: {path}:{problem.Line}: {problem.Message} (row not used)");
        }

        if (problems.Count > 0)
        {
            var notUsed = NotUsed(problems);
            Console.Error.WriteLine($"{notUsed} of {notUsed + used} row(s) not used in {path}.");
        }
    }
}
