namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>A label with the unit it labels: what export, training and agreement read.</summary>
/// <param name="Label">The label version.</param>
/// <param name="Text">The labelled text (the piece's text as stored).</param>
/// <param name="Title">The piece's title, when known.</param>
/// <param name="Authors">The piece's authors joined with "; ", when known.</param>
/// <param name="Outlet">The piece's outlet, when known.</param>
/// <param name="Published">The publication date as ISO 8601, when known.</param>
/// <param name="Split"><c>train</c>, or <c>holdout</c> for the fixed evaluation slice.</param>
public sealed record LabelRow(StoredLabel Label, string Text, string? Title, string? Authors, string? Outlet, string? Published, string Split);
