namespace StanceBoard.Dashboard.Storage.Labels;

/// <summary>Where a label came from.</summary>
public static class LabelOrigins
{
    public const string Queue = "queue";
    public const string Piece = "piece";
    public const string Import = "import";
    public const string Api = "api";
    public const string Adjudication = "adjudication";

    public static bool IsKnown(string? origin) => origin is Queue or Piece or Import or Api or Adjudication;
}
