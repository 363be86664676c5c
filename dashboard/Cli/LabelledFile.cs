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
            Report(path, data.Problems);
            return data;
        }
        catch (LabelledDataException ex)
        {
            Report(path, ex.Problems);
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

    private static void Report(string path, IReadOnlyList<DataProblem> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"warning: {path}:{problem.Line}: {problem.Message} (row skipped)");
        }

        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"{problems.Count} bad row(s) skipped in {path}.");
        }
    }
}
