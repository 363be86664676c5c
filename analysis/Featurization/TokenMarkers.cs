namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// One-character stand-ins (Unicode private use area) for tokens whose spelling does not
/// matter: they keep character n-grams short and never collide with real words.
/// </summary>
internal static class TokenMarkers
{
    public const string Target = "\uE000";
    public const string OtherTarget = "\uE001";
    public const string Url = "\uE002";
    public const string User = "\uE003";
    public const string Number = "\uE004";

    /// <summary>Readable names of the markers, for describing features.</summary>
    public static string Display(string value) => value
        .Replace(Target, "<tgt>", StringComparison.Ordinal)
        .Replace(OtherTarget, "<oth>", StringComparison.Ordinal)
        .Replace(Url, "<url>", StringComparison.Ordinal)
        .Replace(User, "<user>", StringComparison.Ordinal)
        .Replace(Number, "<num>", StringComparison.Ordinal);
}
