using System.Globalization;
using System.Text;

namespace StanceBoard.Dashboard.Tests.Fuzz;

/// <summary>
/// Seeded random and edge-case inputs: strings, dates, numbers. The same seed gives the same
/// sequence, so a failure names its seed and input and can be replayed.
/// </summary>
internal sealed class FuzzInputs(int seed)
{
    private static readonly string[] EdgeStrings =
    [
        "", " ", "\t\r\n", "'", "\"", "\"\"", "''", "‘", "’ ”", "Jane ' Doe", "‘ Smith", "«»", "`",
        "\0", "\u0001", "\uFFFF", "\uFEFF", "\uD800", "\uDC00x", "\u202Eevil", "😀", "Ω≈ç√",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "data:text/html,x",
        "https://user:pw@example.org/x", "http://", "//example.org", "ftp://x", "%00", "%", "%zz", "a%20b",
        "../../etc/passwd", "C:\\\\x", "null", "NaN", "Infinity", "-0", "1e309", "0x10", "+1", "1,000",
        "2147483648", "-2147483649", "9223372036854775808", "1.5", "true", "yes",
        "0001-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31", "9999-12-31T23:59:59-14:00", "9999-12-30",
        "10000-01-01", "2020-02-30", "2020-13-01", "2020-10-01T25:00", "yesterday", "2020-10-01T00:00:00Z",
        ",", ",,,", "a,b,c", "Russia,Turkey", "?", "&", "=", "#", "a=b&c=d", "day", "week", "month", "fortnight",
    ];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public int Next(int max) => _random.Next(max);

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An edge case, a random string of a random alphabet, or a mix of both.</summary>
    public string String(int maxLength = 64)
    {
        switch (_random.Next(4))
        {
            case 0:
                return Pick(EdgeStrings);
            case 1:
                return Pick(EdgeStrings) + Random(_random.Next(maxLength + 1)) + Pick(EdgeStrings);
            case 2:
                return Chance(0.1) ? new string(Pick(EdgeStrings.Where(s => s.Length > 0).ToArray())[0], 5_000 + _random.Next(5_000)) : Random(_random.Next(maxLength + 1));
            default:
                return Number();
        }
    }

    /// <summary>A number as text: small, huge, negative, fractional, or not quite a number.</summary>
    public string Number() => _random.Next(6) switch
    {
        0 => _random.Next(-10, 10_000).ToString(CultureInfo.InvariantCulture),
        1 => ((long)(_random.NextDouble() * long.MaxValue) * (Chance(0.5) ? -1 : 1)).ToString(CultureInfo.InvariantCulture),
        2 => (_random.NextDouble() * Math.Pow(10, _random.Next(-5, 400))).ToString("R", CultureInfo.InvariantCulture),
        3 => Pick(new[] { "0", "-1", "2147483647", "2147483648", "-2147483648", "9223372036854775807", "99999999999999999999", "1e9", "NaN", " 12 ", "12px" }),
        4 => Date(),
        _ => Random(_random.Next(6)),
    };

    /// <summary>A date as text: ordinary, at the ends of the calendar, with offsets, or malformed.</summary>
    public string Date()
    {
        var year = _random.Next(6) switch
        {
            0 => 1,
            1 => 9999,
            2 => _random.Next(1, 10_000),
            _ => _random.Next(1990, 2030),
        };
        var text = string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{_random.Next(0, 14):00}-{_random.Next(0, 33):00}");
        return _random.Next(4) switch
        {
            0 => text,
            1 => text + "T" + string.Create(CultureInfo.InvariantCulture, $"{_random.Next(0, 25):00}:{_random.Next(0, 61):00}:00") + Pick(new[] { "Z", "+14:00", "-14:00", "+05:30", string.Empty }),
            2 => Pick(EdgeStrings.Where(s => s.Length > 0 && char.IsDigit(s[0])).ToArray()),
            _ => Pick(EdgeStrings),
        };
    }

    private string Random(int length)
    {
        var alphabet = _random.Next(4) switch
        {
            0 => "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            1 => "\"',;:{}[]<>&%=?#/\\\r\n\t -.@",
            2 => "0123456789-+.eE:TZ",
            _ => null,
        };
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet is null ? (char)_random.Next(1, 0x3000) : alphabet[_random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }
}
