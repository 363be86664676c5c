using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Data;

/// <summary>One labelled (text, target, stance) row of training or evaluation data.</summary>
public sealed record LabelledExample
{
    /// <summary>The text whose stance is labelled: a sentence, a paragraph or a whole piece.</summary>
    public required string Text { get; init; }

    /// <summary>The target the stance is about ("Russia"); any string, matched ignoring case.</summary>
    public required string Target { get; init; }

    /// <summary>The labelled stance.</summary>
    public required Stance Stance { get; init; }

    /// <summary>The row's id in its source, when given.</summary>
    public string? Id { get; init; }

    /// <summary>The author, when given.</summary>
    public string? Author { get; init; }

    /// <summary>The outlet, when given.</summary>
    public string? Outlet { get; init; }

    /// <summary>The publication date as written in the source, when given.</summary>
    public string? Published { get; init; }

    /// <summary>The title of the piece, when given.</summary>
    public string? Title { get; init; }

    /// <summary>The line of the source file where the row starts (1-based), or 0 when not read from a file.</summary>
    public int Line { get; init; }
}
