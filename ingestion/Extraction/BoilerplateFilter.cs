using System.Text.RegularExpressions;

namespace StanceBoard.Ingestion.Extraction;

/// <summary>
/// Recognises the parts of a scraped page that are the site talking, not the author: cookie
/// notices, newsletter and recruitment blurbs, photo credits, disclaimers, and the headings
/// after which only site furniture follows ("See Also", "Footnotes", "Explore our related
/// content", "Related articles", "Share this").
/// </summary>
public static partial class BoilerplateFilter
{
    /// <summary>Whether a line starts the page's trailing furniture: everything from it on is dropped.</summary>
    public static bool IsTrailingSectionHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= 60 && TrailingHeading().IsMatch(line.Trim());
    }

    /// <summary>Whether a single line is boilerplate wherever it appears.</summary>
    public static bool IsBoilerplateLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Length <= 40 && ShortFurniture().IsMatch(text))
        {
            return true;
        }

        return Cookie().IsMatch(text) || Recruitment().IsMatch(text) || Newsletter().IsMatch(text)
            || PhotoCredit().IsMatch(text) || Disclaimer().IsMatch(text);
    }

    /// <summary>
    /// The outlet a disclaimer names ("… do not represent those of RUSI or any other institution"),
    /// or <see langword="null"/>.
    /// </summary>
    public static string? OutletFromDisclaimer(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = DisclaimerOutlet().Match(line);
        return match.Success ? match.Groups["outlet"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(see also|footnotes?|notes|endnotes|references|explore our related content|related( content| articles| posts| reading| analysis)?|read (more|next|also)|more (from|on) .{1,40}|recommended( for you| reading)?|you may also like|share( this( article| page)?)?|tags|topics|about the authors?|comments?|leave a (reply|comment)|most (read|popular))\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingHeading();

    [GeneratedRegex(@"^(view profile|share|print|email|tweet|facebook|twitter|linkedin|whatsapp|telegram|copy link|download pdf|back to top|advertisement|subscribe|sign up|log ?in|menu|search|close|skip to (main )?content)$", RegexOptions.IgnoreCase)]
    private static partial Regex ShortFurniture();

    [GeneratedRegex(@"\b(uses? cookies|accept (all )?cookies|cookie (policy|settings|preferences|consent)|consent to (the|our) use of cookies)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cookie();

    [GeneratedRegex(@"\b(seeks? (local )?(specialists|contributors|authors|writers)|send (your |a )?CV|we are hiring|join our team|competitive remuneration|cover letter and writing sample)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Recruitment();

    [GeneratedRegex(@"\b(subscribe to (our|the) newsletter|sign up for (our|the) newsletter|get (our|the) newsletter|support (our|independent) journalism|become a (member|supporter|patron))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Newsletter();

    [GeneratedRegex(@"(\bCourtesy of\s+[^.]{1,80}\.?\s*$|^(Photo|Image|Picture|Illustration|Cover photo|Header image)( credit)?\s*:|\((photo|image)( by| credit)?[: ][^)]*\)\s*$|/\s*(Getty Images|AFP|Reuters|AP|PA Images|Shutterstock|TASS|Tass|Anadolu Agency|Sputnik)\b[^.]{0,40}\.?\s*$|\b(via|by) (Getty Images|Shutterstock)\b)")]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"^(the )?(views|opinions) expressed (in this|here|herein).{0,80}(are|is) (solely |entirely )?(those of )?the (author|authors|writer)", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"(do|does) not (necessarily )?(represent|reflect) (those|the views?|the position) of (?:the )?(?<outlet>[A-Z][\w&.'’\- ]{1,60}?)(\s+or\b|,|\.|$)")]
    private static partial Regex DisclaimerOutlet();
}
