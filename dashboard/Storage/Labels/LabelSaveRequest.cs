namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>An annotator's labels of one subject towards one or more targets, saved together.</summary>
public sealed record LabelSaveRequest(LabelSubject Subject, string Annotator, string Origin, bool Blind, IReadOnlyList<LabelWrite> Labels);
