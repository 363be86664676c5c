namespace StanceBoard.Dashboard.Apis;

/// <summary>The body of <c>POST /api/pieces</c>.</summary>
public sealed record PieceInput
{
    /// <summary>The headline (required, up to 1,000 characters).</summary>
    public string? Title { get; init; }

    /// <summary>The body text (required, up to <see cref="PiecesApi.MaxTextChars"/> characters).</summary>
    public string? Text { get; init; }

    /// <summary>Author names (up to 50, each up to 200 characters).</summary>
    public List<string>? Authors { get; init; }

    /// <summary>The publication.</summary>
    public string? Outlet { get; init; }

    /// <summary>An absolute http(s) URL.</summary>
    public string? Url { get; init; }

    /// <summary>An ISO 8601 date or date-time; without an offset it is taken as UTC.</summary>
    public string? Published { get; init; }

    /// <summary>ISO 639-1 code.</summary>
    public string? Language { get; init; }
}
