namespace StanceBoard.Analysis.Data;

/// <summary>The file formats labelled data is read from.</summary>
public enum LabelledDataFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv = 0,

    /// <summary>One JSON object per line.</summary>
    Jsonl = 1,
}
