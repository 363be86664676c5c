namespace StanceBoard.Analysis.Data;

/// <summary>A row of labelled data that was skipped, and why.</summary>
/// <param name="Line">The 1-based line where the row starts.</param>
/// <param name="Message">What was wrong, naming the field.</param>
public sealed record DataProblem(int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}: {Message}";
}
