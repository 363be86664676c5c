namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>The two label file formats: CSV with a header row, and JSON Lines.</summary>
public enum LabelFileFormat
{
    Csv,
    Jsonl,
}
