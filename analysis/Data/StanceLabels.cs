using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Data;

/// <summary>Parses and writes stance labels as the data files spell them.</summary>
public static class StanceLabels
{
    /// <summary>Parses <c>favor</c> (or <c>favour</c>), <c>against</c>, <c>none</c> or <c>neutral</c>, ignoring case and surrounding blanks.</summary>
    public static bool TryParse(string? value, out Stance stance)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "FAVOR" or "FAVOUR":
                stance = Stance.Favor;
                return true;
            case "AGAINST":
                stance = Stance.Against;
                return true;
            case "NONE" or "NEUTRAL":
                stance = Stance.None;
                return true;
            default:
                stance = Stance.None;
                return false;
        }
    }

    /// <summary>The label as written in data files: <c>favor</c>, <c>against</c> or <c>none</c>.</summary>
    public static string ToLabel(Stance stance) => stance switch
    {
        Stance.Favor => "favor",
        Stance.Against => "against",
        _ => "none",
    };
}
