namespace StanceBoard.Analysis.Model;

/// <summary>The text form of <see cref="Stance"/> used in files, the database and JSON: favor, against, none.</summary>
public static class StanceText
{
    /// <summary>"favor", "against" or "none".</summary>
    public static string ToText(Stance stance) => stance switch
    {
        Stance.Favor => "favor",
        Stance.Against => "against",
        _ => "none",
    };

    /// <summary>Parses a label, ignoring case and surrounding space; "neutral" means none, "favour" means favor.</summary>
    public static bool TryParse(string? text, out Stance stance)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "favor" or "favour" or "for" or "pro":
                stance = Stance.Favor;
                return true;
            case "against" or "con" or "anti":
                stance = Stance.Against;
                return true;
            case "none" or "neutral":
                stance = Stance.None;
                return true;
            default:
                stance = Stance.None;
                return false;
        }
    }
}
