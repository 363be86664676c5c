using System.Globalization;
using StanceBoard.Ingestion;
using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Dashboard.Apis;

/// <summary>Checks a posted piece field by field and turns it into a <see cref="Piece"/>.</summary>
internal static class PieceInputValidator
{
    public static (Piece? Piece, Dictionary<string, string[]> Errors) Validate(PieceInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            Fail("title", "The title is required.");
        }
        else if (title.Length > 1000)
        {
            Fail("title", "The title is longer than 1,000 characters.");
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Fail("text", "The text is required and must not be blank.");
        }
        else if (text.Length > PiecesApi.MaxTextChars)
        {
            Fail("text", $"The text is longer than {PiecesApi.MaxTextChars:N0} characters.");
        }

        var authors = new List<string>();
        if (input.Authors is { } given)
        {
            if (given.Count > 50)
            {
                Fail("authors", "At most 50 authors are accepted.");
            }
            else
            {
                for (var i = 0; i < given.Count; i++)
                {
                    var raw = given[i]?.Trim();
                    if (string.IsNullOrEmpty(raw) || raw.Length > 200)
                    {
                        Fail($"authors[{i}]", "Each author must be a name of 1 to 200 characters.");
                        continue;
                    }

                    if (!raw.Any(char.IsLetter))
                    {
                        Fail($"authors[{i}]", "An author name must contain a letter.");
                        continue;
                    }

                    // Keep what the client sent, less honorifics and handles where the name is recognisable.
                    // One author per entry, as the client sent it: honorifics and handles are
                    // dropped only where that leaves exactly one recognisable name.
                    var cleaned = PersonNames.Clean(raw);
                    authors.Add(cleaned.Count == 1 ? cleaned[0] : raw);
                }
            }
        }

        var outlet = input.Outlet?.Trim();
        if (outlet is { Length: > 200 })
        {
            Fail("outlet", "The outlet is longer than 200 characters.");
        }

        string? url = null;
        if (!string.IsNullOrWhiteSpace(input.Url))
        {
            if (input.Url.Length > 2048 || !Uri.TryCreate(input.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                Fail("url", "The url must be an absolute http or https URL of at most 2,048 characters.");
            }
            else
            {
                url = uri.ToString();
            }
        }

        DateTimeOffset? published = null;
        if (!string.IsNullOrWhiteSpace(input.Published))
        {
            if (DateTimeOffset.TryParse(input.Published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                && date.Year is >= 1900 and <= 2200)
            {
                published = date;
            }
            else
            {
                Fail("published", $"'{Shorten(input.Published)}' is not an ISO 8601 date such as 2020-10-14 or 2020-10-14T09:30:00Z.");
            }
        }

        var language = input.Language?.Trim();
        if (language is { Length: > 0 } && (language.Length > 12 || !language.All(c => char.IsAsciiLetter(c) || c == '-')))
        {
            Fail("language", "The language must be a code such as 'en' or 'en-GB'.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Piece
        {
            Title = title!,
            Text = text!,
            Authors = authors,
            Outlet = string.IsNullOrEmpty(outlet) ? null : outlet,
            Url = url,
            Published = published,
            Language = string.IsNullOrEmpty(language) ? null : language,
            Origin = "api",
        }, errors);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
