using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Data;

/// <summary>Turns one row's raw fields into an example, or says what is wrong with it.</summary>
internal static class RowValidator
{
    public static LabelledExample? Validate(
        int line,
        Func<string, string?> field,
        LabelledDataReaderOptions options,
        List<DataProblem> problems)
    {
        var text = field("text");
        var target = field("target")?.Trim();
        var stanceRaw = field("stance");
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new DataProblem(line, "missing text"));
            return null;
        }

        if (text.Length > options.MaxTextLength)
        {
            problems.Add(new DataProblem(line, $"text is {text.Length:N0} characters, over the limit of {options.MaxTextLength:N0}"));
            return null;
        }

        if (string.IsNullOrEmpty(target))
        {
            problems.Add(new DataProblem(line, "empty target"));
            return null;
        }

        if (target.Length > options.MaxTargetLength)
        {
            problems.Add(new DataProblem(line, $"target is {target.Length:N0} characters, over the limit of {options.MaxTargetLength:N0}"));
            return null;
        }

        if (!options.RequireStance && !StanceText.TryParse(stanceRaw, out _))
        {
            stanceRaw = "none";
        }

        if (string.IsNullOrWhiteSpace(stanceRaw))
        {
            problems.Add(new DataProblem(line, "missing stance (expected favor, against, none or neutral)"));
            return null;
        }

        if (!StanceText.TryParse(stanceRaw, out Stance stance))
        {
            problems.Add(new DataProblem(line, $"unknown stance label '{Clip(stanceRaw)}' (expected favor, against, none or neutral)"));
            return null;
        }

        return new LabelledExample
        {
            Text = text,
            Target = target,
            Stance = stance,
            Id = Optional(field("id")),
            Author = Optional(field("author")),
            Outlet = Optional(field("outlet")),
            Published = Optional(field("published")),
            Title = Optional(field("title")),
            Line = line,
        };
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Clip(string value) => value.Length <= 40 ? value.Trim() : value[..40] + "…";
}
