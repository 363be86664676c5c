namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>What is labelled: a stored piece, or a text (from an import) that may match one.</summary>
/// <param name="PieceId">The stored piece, or <see langword="null"/> for a text (linked to a stored piece with the same content hash if there is one).</param>
/// <param name="Text">The text.</param>
/// <param name="TextHash">Its content hash (the one pieces are deduplicated by).</param>
/// <param name="Title">Title, when known.</param>
/// <param name="Authors">Authors joined with "; ", when known.</param>
/// <param name="Outlet">Outlet, when known.</param>
/// <param name="Published">Publication date, when known.</param>
public sealed record LabelSubject(long? PieceId, string Text, string TextHash, string? Title, string? Authors, string? Outlet, string? Published);
