namespace StanceBoard.Analysis.Data;

/// <summary>Limits that keep a hostile or mistaken file from exhausting memory.</summary>
public sealed class LabelledDataReaderOptions
{
    /// <summary>The defaults.</summary>
    public static class Defaults
    {
        /// <summary>256 MiB.</summary>
        public const long MaxBytes = 256L * 1024 * 1024;

        /// <summary>One million rows.</summary>
        public const int MaxRows = 1_000_000;

        /// <summary>200,000 characters (a long report).</summary>
        public const int MaxTextLength = 200_000;

        /// <summary>200 characters.</summary>
        public const int MaxTargetLength = 200;
    }

    /// <summary>
    /// Whether each row must carry a stance label. Off for data to predict: the <c>stance</c>
    /// column may then be missing, and a missing or unknown label reads as none.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool RequireStance { get; set; } = true;

    /// <summary>The largest input read, in bytes; a larger input is refused whole.</summary>
    /// <value><see cref="Defaults.MaxBytes"/>.</value>
    public long MaxBytes { get; set; } = Defaults.MaxBytes;

    /// <summary>The most rows read; a file with more is refused whole.</summary>
    /// <value><see cref="Defaults.MaxRows"/>.</value>
    public int MaxRows { get; set; } = Defaults.MaxRows;

    /// <summary>The longest text kept; a row with a longer text is skipped and reported.</summary>
    /// <value><see cref="Defaults.MaxTextLength"/>.</value>
    public int MaxTextLength { get; set; } = Defaults.MaxTextLength;

    /// <summary>The longest target name kept; a longer one is skipped and reported.</summary>
    /// <value><see cref="Defaults.MaxTargetLength"/>.</value>
    public int MaxTargetLength { get; set; } = Defaults.MaxTargetLength;
}
