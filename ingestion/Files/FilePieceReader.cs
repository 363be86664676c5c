using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Ingestion.Files;

/// <summary>
/// Reads pieces from local files and folders: <c>.txt</c> and <c>.md</c> (scraped text),
/// <c>.html</c>/<c>.htm</c> (a saved page) and <c>.jsonl</c> (one piece per line with
/// <c>title, text, authors, outlet, url, published, language</c>). Every problem becomes a
/// <see cref="FileReadResult"/> naming the file (and line) and the rest of the batch goes on.
/// </summary>
public sealed class FilePieceReader(FileIngestionOptions options)
{
    private static readonly string[] TextExtensions = [".txt", ".text"];
    private static readonly string[] MarkdownExtensions = [".md", ".markdown"];
    private static readonly string[] HtmlExtensions = [".html", ".htm"];
    private static readonly string[] JsonlExtensions = [".jsonl", ".ndjson"];

    /// <summary>Whether the reader understands a file by its extension.</summary>
    public static bool IsSupported(string path) =>
        Kind(path) is not FileKind.Unsupported;

    /// <summary>Reads every given file and every supported file under every given folder, in name order.</summary>
    public async IAsyncEnumerable<FileReadResult> ReadAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                List<string> files;
                string? listError = null;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                        .Where(IsSupported)
                        .Order(StringComparer.Ordinal)
                        .Take(options.MaxFilesPerFolder + 1)
                        .ToList();
                }
                catch (IOException ex)
                {
                    files = [];
                    listError = $"cannot list the folder: {ex.Message}";
                }

                if (listError is not null)
                {
                    yield return FileReadResult.Failure(path, listError);
                    continue;
                }

                if (files.Count > options.MaxFilesPerFolder)
                {
                    yield return FileReadResult.Failure(path, $"the folder holds more than {options.MaxFilesPerFolder:N0} files; only the first {options.MaxFilesPerFolder:N0} are read (Ingestion:Files:MaxFilesPerFolder)");
                    files.RemoveAt(files.Count - 1);
                }

                foreach (var file in files)
                {
                    await foreach (var result in ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
                    {
                        yield return result;
                    }
                }
            }
            else
            {
                await foreach (var result in ReadFileAsync(path, cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
                }
            }
        }
    }

    /// <summary>Reads one file.</summary>
    public async IAsyncEnumerable<FileReadResult> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            yield return FileReadResult.Failure(path, "no such file or folder");
            yield break;
        }

        var kind = Kind(path);
        if (kind is FileKind.Unsupported)
        {
            yield return FileReadResult.Failure(path, $"unsupported file type '{Path.GetExtension(path)}'; use .txt, .md, .html or .jsonl");
            yield break;
        }

        if (kind is FileKind.Jsonl)
        {
            await foreach (var result in ReadJsonlAsync(path, cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }

            yield break;
        }

        yield return await ReadDocumentAsync(path, kind, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FileReadResult> ReadDocumentAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > options.MaxFileBytes)
            {
                return FileReadResult.Failure(path, $"it is {FormatBytes(length)}, over the {FormatBytes(options.MaxFileBytes)} limit for one file (Ingestion:Files:MaxFileBytes)");
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var text = TextDecoder.Decode(bytes);
            if (string.IsNullOrWhiteSpace(text))
            {
                return FileReadResult.Failure(path, "the file is empty");
            }

            var fallbackTitle = Path.GetFileNameWithoutExtension(path);
            var piece = kind switch
            {
                FileKind.Html => FromArticle(HtmlArticleExtractor.Extract(text), path),
                FileKind.Markdown => FromMarkdown(text, fallbackTitle, path),
                _ => FromArticle(PlainTextExtractor.Extract(text, fallbackTitle), path),
            };
            if (!IsWebUrl(piece.Url))
            {
                return FileReadResult.Failure(path, $"its url is not an absolute http or https URL: '{Truncate(piece.Url!)}'");
            }

            return Validate(piece, path, null);
        }
        catch (FileFormatException ex)
        {
            return FileReadResult.Failure(path, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileReadResult.Failure(path, $"cannot read it: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault in the extractor skips this file, not the batch.
            return FileReadResult.Failure(path, $"the file could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private async IAsyncEnumerable<FileReadResult> ReadJsonlAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length > options.MaxJsonlBytes)
        {
            yield return FileReadResult.Failure(path, $"it is {FormatBytes(length)}, over the {FormatBytes(options.MaxJsonlBytes)} limit for a .jsonl file (Ingestion:Files:MaxJsonlBytes)");
            yield break;
        }

        if (length == 0)
        {
            yield return FileReadResult.Failure(path, "the file is empty");
            yield break;
        }

        using var stream = File.OpenRead(path);
        var sniff = new byte[Math.Min(8192, (int)Math.Min(length, 8192))];
        var read = await stream.ReadAtLeastAsync(sniff, sniff.Length, false, cancellationToken).ConfigureAwait(false);
        if (TextDecoder.LooksBinary(sniff.AsSpan(0, read)))
        {
            yield return FileReadResult.Failure(path, "it is a binary file, not JSON lines");
            yield break;
        }

        stream.Position = 0;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        var lines = new BoundedLineReader(reader, options.MaxJsonlLineChars);
        var number = 0;
        var pieces = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? line;
            string? decodeError = null;
            try
            {
                line = lines.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                line = null;
                decodeError = "it is not valid UTF-8 text after this line; save it as UTF-8";
            }

            number++;
            if (decodeError is not null)
            {
                yield return FileReadResult.Failure(path, decodeError, number);
                yield break;
            }

            if (line is null)
            {
                break;
            }

            if (lines.LastWasTooLong)
            {
                yield return FileReadResult.Failure(path, $"the line is longer than {options.MaxJsonlLineChars:N0} characters (Ingestion:Files:MaxJsonlLineChars)", number);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            FileReadResult result;
            try
            {
                result = ParseJsonLine(line, path, number);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A fault in reading one line skips that line, not the file.
                result = FileReadResult.Failure(path, $"the line could not be read ({ex.GetType().Name}: {ex.Message})", number);
            }

            pieces += result.IsSuccess ? 1 : 0;
            yield return result;
        }

        if (number <= 1 && pieces == 0)
        {
            yield return FileReadResult.Failure(path, "the file has no JSON lines");
        }
    }

    private static FileReadResult ParseJsonLine(string line, string path, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return FileReadResult.Failure(path, $"not valid JSON: {ex.Message}", number);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FileReadResult.Failure(path, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}", number);
            }

            var text = GetString(root, "text") ?? GetString(root, "body");
            if (string.IsNullOrWhiteSpace(text))
            {
                return FileReadResult.Failure(path, "the object has no \"text\"", number);
            }

            var authors = new List<string>();
            if (root.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var given in list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!.Trim()).Where(a => a.Length > 0))
                {
                    // One author per entry, less honorifics and handles where that leaves exactly one name.
                    var cleaned = PersonNames.Clean(given);
                    authors.Add(cleaned.Count == 1 ? cleaned[0] : given);
                }
            }
            else if (GetString(root, "author") is { } single)
            {
                authors.AddRange(PersonNames.Clean(single));
            }

            DateTimeOffset? published = null;
            if (GetString(root, "published") is { Length: > 0 } date)
            {
                if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return FileReadResult.Failure(path, $"\"published\" is not a date: '{Truncate(date)}'", number);
                }

                published = parsed;
            }

            var url = GetString(root, "url")?.Trim();
            if (!IsWebUrl(url))
            {
                return FileReadResult.Failure(path, $"\"url\" is not an absolute http or https URL: '{Truncate(url!)}'", number);
            }

            var piece = new Piece
            {
                Title = GetString(root, "title")?.Trim() ?? string.Empty,
                Text = text.Trim(),
                Authors = authors,
                Outlet = GetString(root, "outlet")?.Trim(),
                Url = string.IsNullOrEmpty(url) ? null : url,
                Published = published,
                Language = GetString(root, "language")?.Trim(),
                Origin = $"{path}:{number}",
            };
            return Validate(piece, path, number);
        }
    }

    private static Piece FromArticle(ExtractedArticle article, string path) => new()
    {
        Title = article.Title,
        Text = article.Text,
        Authors = article.Authors,
        Outlet = article.Outlet,
        Url = article.CanonicalUrl,
        Published = article.Published,
        Language = article.Language,
        Origin = path,
    };

    private static Piece FromMarkdown(string markdown, string fallbackTitle, string path)
    {
        var (front, text) = MarkdownText.Parse(markdown);
        var article = PlainTextExtractor.Extract(front.TryGetValue("title", out var title) && title.Length > 0 ? title + "\n\n" + text : text, fallbackTitle);
        var authors = front.TryGetValue("authors", out var a) || front.TryGetValue("author", out a)
            ? PersonNames.Clean(a.Trim('[', ']'))
            : article.Authors;
        return FromArticle(article, path) with
        {
            Authors = authors,
            Outlet = front.GetValueOrDefault("outlet") ?? front.GetValueOrDefault("publication") ?? article.Outlet,
            Url = string.IsNullOrWhiteSpace(front.GetValueOrDefault("url")) ? null : front["url"].Trim(),
            Published = MarkdownText.ParseDate(front.GetValueOrDefault("published") ?? front.GetValueOrDefault("date")),
            Language = front.GetValueOrDefault("lang") ?? front.GetValueOrDefault("language"),
        };
    }

    private static FileReadResult Validate(Piece piece, string path, int? line)
    {
        if (string.IsNullOrWhiteSpace(piece.Text))
        {
            return FileReadResult.Failure(path, "no body text was found in it", line);
        }

        if (string.IsNullOrWhiteSpace(piece.Title))
        {
            piece = piece with { Title = Path.GetFileNameWithoutExtension(path) };
        }

        return FileReadResult.Success(path, piece, line);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Only web links are kept as a piece's original: javascript:, data: and the like are refused.</summary>
    private static bool IsWebUrl(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (url.Length <= 2048 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB");

    private static FileKind Kind(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return TextExtensions.Contains(extension) ? FileKind.Text
            : MarkdownExtensions.Contains(extension) ? FileKind.Markdown
            : HtmlExtensions.Contains(extension) ? FileKind.Html
            : JsonlExtensions.Contains(extension) ? FileKind.Jsonl
            : FileKind.Unsupported;
    }

    private enum FileKind
    {
        Unsupported,
        Text,
        Markdown,
        Html,
        Jsonl,
    }
}
