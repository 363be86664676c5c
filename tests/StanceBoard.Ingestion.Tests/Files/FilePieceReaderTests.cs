using System.Text;
using StanceBoard.Ingestion.Files;

namespace StanceBoard.Ingestion.Tests.Files;

public sealed class FilePieceReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static FilePieceReader CreateSut() => new(new FileIngestionOptions());

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<List<FileReadResult>> ReadAllAsync(FilePieceReader reader, params string[] paths)
    {
        var results = new List<FileReadResult>();
        await foreach (var result in reader.ReadAsync(paths))
        {
            results.Add(result);
        }

        return results;
    }

    [Fact]
    public async Task ReadAsync_FolderWithBadFiles_ReportsEachByNameAndStillReadsTheGoodOnes()
    {
        Write("a-good.txt", "A Good Title\n\nRussia and Turkey spoke.");
        Write("b-empty.txt", "   \n\n ");
        WriteBytes("c-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]);
        WriteBytes("d-latin1.txt", Encoding.Latin1.GetBytes("Titre\n\nLa d\u00e9l\u00e9gation est arriv\u00e9e."));
        Write("e-good.md", "---\ntitle: Markdown Piece\nauthor: Dr Jane Roe\ndate: 2020-10-12\n---\n\nSome **bold** text about [Baku](http://example.org).");
        Write("ignored.pdf", "not read");

        var results = await ReadAllAsync(CreateSut(), _folder);

        results.Count.ShouldBe(5);
        results.Where(r => r.IsSuccess).Select(r => r.Piece!.Title).ShouldBe(["A Good Title", "Markdown Piece"]);
        results.Single(r => r.Path.EndsWith("b-empty.txt", StringComparison.Ordinal)).Error.ShouldBe("the file is empty");
        results.Single(r => r.Path.EndsWith("c-binary.txt", StringComparison.Ordinal)).Error!.ShouldContain("binary");
        results.Single(r => r.Path.EndsWith("d-latin1.txt", StringComparison.Ordinal)).Error!.ShouldContain("not valid UTF-8");
    }

    [Fact]
    public async Task ReadAsync_FileOverTheSizeLimit_IsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(_folder, "huge.txt");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var result = (await ReadAllAsync(CreateSut(), path)).Single();

        result.IsSuccess.ShouldBeFalse();
        result.Error!.ShouldContain("50 MB");
        result.Error!.ShouldContain("limit");
    }

    [Fact]
    public async Task ReadAsync_JsonlWithABadLine_ReportsTheLineAndKeepsTheOthers()
    {
        var path = Write("batch.jsonl", string.Join('\n',
            """{"title":"One","text":"Moscow spoke.","authors":["Dr Jane Roe"],"published":"2020-10-01T08:00:00Z"}""",
            "this is not json",
            """{"title":"Three","text":""}""",
            """{"title":"Four","text":"Ankara answered.","published":"someday"}""",
            """["an","array"]""",
            """{"title":"Six","text":"Baku waited.","author":"A. Person and B. Person"}"""));

        var results = await ReadAllAsync(CreateSut(), path);

        results.Where(r => r.IsSuccess).Select(r => r.Piece!.Title).ShouldBe(["One", "Six"]);
        results.Where(r => !r.IsSuccess).Select(r => r.Line).ShouldBe([2, 3, 4, 5]);
        results.Single(r => r.Line == 2).Error!.ShouldStartWith("not valid JSON");
        results.Single(r => r.Line == 3).Error!.ShouldContain("\"text\"");
        results.Single(r => r.Line == 4).Error!.ShouldContain("published");
        results[0].Piece!.Authors.ShouldBe(["Jane Roe"]);
        results[0].Piece!.Published.ShouldBe(new DateTimeOffset(2020, 10, 1, 8, 0, 0, TimeSpan.Zero));
        results.Single(r => r.Line == 2).Location.ShouldBe($"{path}:2");
    }

    [Fact]
    public async Task ReadAsync_UrlsOtherThanHttp_AreRefusedNamingTheUrl()
    {
        var jsonl = Write("links.jsonl", string.Join('\n',
            """{"title":"Script","text":"Moscow spoke.","url":"javascript:alert(document.cookie)"}""",
            """{"title":"Data","text":"Ankara spoke.","url":"data:text/html,<script>alert(1)</script>"}""",
            """{"title":"Web","text":"Baku spoke.","url":"https://example.org/piece"}""",
            """{"title":"None","text":"Yerevan spoke."}"""));
        var markdown = Write("link.md", "---\ntitle: Front matter link\nurl: javascript:alert(1)\n---\nThe Kremlin spoke at length about the ceasefire.\n");
        var html = Write("page.html", "<html><head><title>Page</title><link rel=\"canonical\" href=\"javascript:alert(1)\"></head><body><article><p>Moscow and Baku spoke at length about the ceasefire and what came after it.</p></article></body></html>");

        var lines = await ReadAllAsync(CreateSut(), jsonl);
        var md = (await ReadAllAsync(CreateSut(), markdown)).Single();
        var page = (await ReadAllAsync(CreateSut(), html)).Single();

        lines.Where(r => r.IsSuccess).Select(r => (r.Piece!.Title, r.Piece.Url)).ShouldBe([("Web", "https://example.org/piece"), ("None", null)]);
        lines.Where(r => !r.IsSuccess).Select(r => r.Line).ShouldBe([1, 2]);
        lines[0].Error!.ShouldContain("\"url\" is not an absolute http or https URL");
        md.IsSuccess.ShouldBeFalse();
        md.Error!.ShouldContain("url");
        page.IsSuccess.ShouldBeTrue();
        page.Piece!.Url.ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_JsonlLineOverTheLimit_IsReportedAndTheNextLineIsRead()
    {
        var path = Write("long.jsonl", "{\"title\":\"x\",\"text\":\"" + new string('a', 200) + "\"}\n{\"title\":\"ok\",\"text\":\"fine\"}\n");
        var reader = new FilePieceReader(new FileIngestionOptions { MaxJsonlLineChars = 100 });

        var results = await ReadAllAsync(reader, path);

        results[0].Error!.ShouldContain("longer than 100");
        results[1].Piece!.Title.ShouldBe("ok");
    }

    [Fact]
    public async Task ReadAsync_MissingPathAndUnsupportedType_AreReported()
    {
        var results = await ReadAllAsync(CreateSut(), Path.Combine(_folder, "nope.txt"), Write("x.docx", "x"));

        results.Select(r => r.Error).ShouldBe(["no such file or folder", "unsupported file type '.docx'; use .txt, .md, .html or .jsonl"]);
    }

    [Fact]
    public async Task ReadAsync_Html_UsesTheHtmlExtractor()
    {
        var path = Write("page.html", "<html><head><title>T</title><meta property='og:title' content='Page Title'><meta name='author' content='Jane Roe'></head><body><nav>Menu</nav><article><p>Erdogan spoke in Ankara.</p></article></body></html>");

        var piece = (await ReadAllAsync(CreateSut(), path)).Single().Piece!;

        piece.Title.ShouldBe("Page Title");
        piece.Authors.ShouldBe(["Jane Roe"]);
        piece.Text.ShouldBe("Erdogan spoke in Ankara.");
    }

    [Fact]
    public async Task ReadAsync_Utf16WithBom_IsDecoded()
    {
        var path = WriteBytes("u16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Başlık\n\nErdoğan konuştu.")]);

        var piece = (await ReadAllAsync(CreateSut(), path)).Single().Piece!;

        piece.Title.ShouldBe("Başlık");
    }
}
