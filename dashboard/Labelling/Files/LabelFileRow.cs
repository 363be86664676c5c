namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>One row of a label file as read: its line and its fields by lower-case column name.</summary>
public sealed record LabelFileRow(int Line, IReadOnlyDictionary<string, string?> Fields)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;
}
