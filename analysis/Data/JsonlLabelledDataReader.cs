using System.Text.Json;

namespace StanceBoard.Analysis.Data;

/// <summary>Reads labelled JSONL: one object per line with string fields <c>text</c>, <c>target</c> and <c>stance</c>.</summary>
internal static class JsonlLabelledDataReader
{
    public static List<LabelledExample> Read(TextReader reader, LabelledDataReaderOptions options, List<DataProblem> problems)
    {
        var examples = new List<LabelledExample>();
        var line = 0;
        var rows = 0;
        while (reader.ReadLine() is { } raw)
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (++rows > options.MaxRows)
            {
                throw new LabelledDataException($"The file has more than {options.MaxRows:N0} rows.");
            }

            Dictionary<string, string?> fields;
            try
            {
                fields = Parse(raw);
            }
            catch (JsonException ex)
            {
                problems.Add(new DataProblem(line, $"malformed JSON: {ex.Message}"));
                continue;
            }

            var example = RowValidator.Validate(line, name => fields.GetValueOrDefault(name), options, problems);
            if (example is not null)
            {
                examples.Add(example);
            }
        }

        return examples;
    }

    private static Dictionary<string, string?> Parse(string raw)
    {
        using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 16 });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the line is not a JSON object");
        }

        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
        }

        return fields;
    }
}
