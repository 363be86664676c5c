using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Text;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>
/// A piece to label: its text, sentences (offsets, for marking evidence), and per target it
/// mentions the mention offsets, the model's verdict, probabilities and evidence (all three left
/// out in blind mode) and the annotator's current label.
/// </summary>
public sealed record QueueItemDto(
    long PieceId,
    string Title,
    string Text,
    IReadOnlyList<string> Authors,
    string? Outlet,
    DateTimeOffset? Published,
    string? Url,
    bool Blind,
    string? Reason,
    string? ReasonTarget,
    double? Margin,
    IReadOnlyList<int[]> Sentences,
    IReadOnlyList<QueueTargetDto> Targets,
    QueueProgressDto? Progress)
{
    public static QueueItemDto From(StoredPiece piece, IReadOnlyList<StoredLabel> mine, bool blind, QueuePick? pick, QueueProgressDto? progress)
    {
        ArgumentNullException.ThrowIfNull(piece);
        ArgumentNullException.ThrowIfNull(mine);
        var targets = piece.Scores.Select(s => new QueueTargetDto(
            s.Target,
            s.Score.Mentions,
            s.Score.MentionSpans.Select(m => new[] { m.Start, m.Length }).ToArray(),
            blind || s.Score.Stance is not { } stance ? null : StanceText.ToText(stance),
            blind || s.Score.Probabilities is not { } p ? null : new ProbabilitiesDto(Math.Round(p.Favor, 4), Math.Round(p.Against, 4), Math.Round(p.None, 4)),
            blind ? null : s.Score.Evidence,
            blind ? null : s.Score.ModelVersion,
            mine.FirstOrDefault(l => string.Equals(l.Target, s.Target, StringComparison.OrdinalIgnoreCase)) is { } label ? LabelDto.From(label) : null)).ToList();

        // A label towards a target the piece does not mention (given on its page) is shown too.
        foreach (var label in mine.Where(l => targets.All(t => !string.Equals(t.Name, l.Target, StringComparison.OrdinalIgnoreCase))))
        {
            targets.Add(new QueueTargetDto(label.Target, 0, [], null, null, null, null, LabelDto.From(label)));
        }

        return new QueueItemDto(
            piece.Id,
            piece.Title,
            piece.Text,
            piece.Authors,
            piece.Outlet,
            piece.Published,
            piece.Url,
            blind,
            pick?.Reason,
            pick?.Target,
            pick?.Margin is { } margin ? Math.Round(margin, 4) : null,
            SentenceSegmenter.Split(piece.Text).Select(s => new[] { s.Start, s.Length }).ToArray(),
            targets,
            progress);
    }
}

/// <summary>One target of a piece to label.</summary>
public sealed record QueueTargetDto(
    string Name,
    int Mentions,
    IReadOnlyList<int[]> MentionSpans,
    string? Stance,
    ProbabilitiesDto? Probabilities,
    IReadOnlyList<string>? Evidence,
    string? ModelVersion,
    LabelDto? Mine);

/// <summary>The annotator's progress: pieces labelled, of them in the evaluation slice, and pieces still open in the queue.</summary>
public sealed record QueueProgressDto(int Labelled, int Holdout, long Open);
