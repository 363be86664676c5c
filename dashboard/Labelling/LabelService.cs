using System.Globalization;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Model;
using StanceBoard.Analysis.Text;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Labels;
using StanceBoard.Ingestion.Dedupe;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>
/// Checks and saves labels of stored pieces (from the queue, a piece page or a script) and admins'
/// adjudications. Labels name a configured target; a deleted piece, a demo piece or a syndicated
/// copy cannot be labelled; every refusal names the field.
/// </summary>
public sealed class LabelService(
    IStanceStore pieces,
    ILabelStore labels,
    ScorerProvider scorers,
    LabelQueue queue,
    IOptions<LabellingOptions> options,
    ILogger<LabelService> logger)
{
    public const int MaxLabelsPerSave = 50;
    public const int MaxEvidence = 20;
    public const int MaxNoteLength = 2000;

    /// <summary>Saves <paramref name="annotator"/>'s labels of a stored piece.</summary>
    public async Task<LabelSaveOutcome> SaveAsync(LabelsInput input, string annotator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(annotator);
        if (input.PieceId is not { } pieceId)
        {
            return LabelSaveOutcome.Invalid("pieceId", "pieceId is required: the id of the stored piece labelled.");
        }

        var origin = input.Origin ?? LabelOrigins.Api;
        if (origin is not (LabelOrigins.Queue or LabelOrigins.Piece or LabelOrigins.Api))
        {
            return LabelSaveOutcome.Invalid("origin", $"origin must be '{LabelOrigins.Queue}', '{LabelOrigins.Piece}' or '{LabelOrigins.Api}'.");
        }

        if (input.Labels is not { Count: > 0 } inputs)
        {
            return LabelSaveOutcome.Invalid("labels", "Give at least one label: { target, stance }.");
        }

        if (inputs.Count > MaxLabelsPerSave)
        {
            return LabelSaveOutcome.Invalid("labels", $"At most {MaxLabelsPerSave} labels per save.");
        }

        var piece = await pieces.GetPieceAsync(pieceId, cancellationToken);
        if (piece is null)
        {
            return new LabelSaveOutcome(null, null, $"There is no piece {pieceId}: it was deleted or never stored.");
        }

        if (CheckLabellable(piece) is { } refusal)
        {
            return LabelSaveOutcome.Invalid("pieceId", refusal);
        }

        var sentences = SentenceSegmenter.Split(piece.Text).Count;
        var writes = new List<LabelWrite>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (write, field, error) = Check(inputs[i], $"labels[{i}]", sentences, input.CheckBase);
            if (error is not null)
            {
                return LabelSaveOutcome.Invalid(field!, error);
            }

            if (writes.Any(w => string.Equals(w.Target, write!.Target, StringComparison.OrdinalIgnoreCase)))
            {
                return LabelSaveOutcome.Invalid($"labels[{i}].target", $"Target '{write!.Target}' is labelled twice in one save.");
            }

            writes.Add(write!);
        }

        var request = new LabelSaveRequest(Subject(piece), annotator, origin, input.Blind, writes);
        var result = await labels.SaveAsync(request, options.Value.Shares, cancellationToken);
        if (!result.HasConflicts)
        {
            queue.Release(pieceId, annotator);
            logger.LogInformation("{Annotator} labelled piece {PieceId}: {Saved} saved, {Unchanged} unchanged", annotator, pieceId, result.Saved.Count, result.Unchanged.Count);
        }

        return new LabelSaveOutcome(result, null, null);
    }

    /// <summary>Records an admin's decision on a unit the annotators disagree on; it becomes the unit's gold label for the target.</summary>
    public async Task<LabelSaveOutcome> AdjudicateAsync(AdjudicationInput input, string admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.UnitId is not { } unitId)
        {
            return LabelSaveOutcome.Invalid("unitId", "unitId is required (from the disagreement list).");
        }

        var rows = await labels.ListForUnitAsync(unitId, cancellationToken);
        if (rows is null)
        {
            return new LabelSaveOutcome(null, null, $"There is no labelled unit {unitId}.");
        }

        var (write, field, error) = Check(new LabelInput(input.Target, input.Stance, null, input.Note), "decision", int.MaxValue, checkBase: false);
        if (error is not null)
        {
            return LabelSaveOutcome.Invalid(field!.Replace("decision.", string.Empty, StringComparison.Ordinal), error);
        }

        if (rows.Count == 0)
        {
            return LabelSaveOutcome.Invalid("unitId", $"Unit {unitId} has no labels to adjudicate.");
        }

        var any = rows[0];
        var subject = new LabelSubject(any.Label.PieceId, any.Text, ContentHash.Compute(any.Text), any.Title, any.Authors, any.Outlet, any.Published);
        var result = await labels.SaveAsync(new LabelSaveRequest(subject, admin, LabelOrigins.Adjudication, false, [write!]), options.Value.Shares, cancellationToken);
        logger.LogInformation("{Admin} adjudicated unit {UnitId} for {Target}: {Stance}", admin, unitId, write!.Target, StanceText.ToText(write.Stance));
        return new LabelSaveOutcome(result, null, null);
    }

    /// <summary>Why a piece cannot be labelled, or <see langword="null"/>.</summary>
    public static string? CheckLabellable(StoredPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        if (piece.IsDemo)
        {
            return $"Piece {piece.Id} is demo data (fictional commentary); it is not labelled.";
        }

        return piece.DuplicateOf is { } original
            ? string.Create(CultureInfo.InvariantCulture, $"Piece {piece.Id} is a syndicated copy of piece {original}; label the original.")
            : null;
    }

    /// <summary>The subject of a stored piece's labels.</summary>
    public static LabelSubject Subject(StoredPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        return new LabelSubject(
            piece.Id,
            piece.Text,
            piece.ContentHash,
            piece.Title,
            piece.Authors.Count == 0 ? null : string.Join("; ", piece.Authors),
            piece.Outlet,
            piece.Published?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The configured target of this name, as configured, or an error naming the configured ones.</summary>
    public (string? Target, string? Error) ResolveTarget(string? name)
    {
        var catalog = scorers.Current.Targets;
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "target is required.");
        }

        return catalog.TryGet(name.Trim(), out var definition)
            ? (definition!.Name, null)
            : (null, $"Unknown target '{Clip(name)}'; the configured targets are {string.Join(", ", catalog.Targets.Select(t => t.Name))}.");
    }

    private (LabelWrite? Write, string? Field, string? Error) Check(LabelInput input, string prefix, int sentences, bool checkBase)
    {
        var (target, targetError) = ResolveTarget(input.Target);
        if (targetError is not null)
        {
            return (null, prefix + ".target", targetError);
        }

        if (!StanceText.TryParse(input.Stance, out var stance))
        {
            return (null, prefix + ".stance", $"Unknown stance '{Clip(input.Stance)}'; use favor, against or none.");
        }

        var evidence = input.Evidence ?? [];
        if (evidence.Count > MaxEvidence)
        {
            return (null, prefix + ".evidence", $"At most {MaxEvidence} evidence sentences.");
        }

        foreach (var index in evidence)
        {
            if (index < 0 || index >= sentences)
            {
                return (null, prefix + ".evidence", string.Create(CultureInfo.InvariantCulture, $"Sentence {index} does not exist; the piece has {sentences} sentence(s), numbered from 0."));
            }
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return (null, prefix + ".note", $"A note has at most {MaxNoteLength} characters.");
        }

        return (new LabelWrite(target!, stance, evidence.Distinct().Order().ToArray(), note, checkBase, input.BaseId), null, null);
    }

    private static string Clip(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
