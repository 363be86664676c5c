namespace StanceBoard.Ingestion.Files;

/// <summary>One outcome of reading files: a piece, or an error naming the file (and line).</summary>
public sealed record FileReadResult
{
    private FileReadResult(string path, int? line, Piece? piece, string? error)
    {
        Path = path;
        Line = line;
        Piece = piece;
        Error = error;
    }

    /// <summary>The file the piece or error came from.</summary>
    public string Path { get; }

    /// <summary>The 1-based line, for .jsonl files.</summary>
    public int? Line { get; }

    /// <summary>The piece read, when there was no error.</summary>
    public Piece? Piece { get; }

    /// <summary>What was wrong, when no piece could be read.</summary>
    public string? Error { get; }

    /// <summary>Whether a piece was read.</summary>
    public bool IsSuccess => Piece is not null;

    /// <summary>Where, as "file" or "file:line".</summary>
    public string Location => Line is { } l ? $"{Path}:{l}" : Path;

    /// <summary>A piece read from <paramref name="path"/>.</summary>
    public static FileReadResult Success(string path, Piece piece, int? line = null) => new(path, line, piece, null);

    /// <summary>A failure to read <paramref name="path"/>.</summary>
    public static FileReadResult Failure(string path, string error, int? line = null) => new(path, line, null, error);
}
