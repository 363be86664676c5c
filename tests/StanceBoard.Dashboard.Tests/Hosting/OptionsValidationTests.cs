using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Hosting;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Hosting;

/// <summary>
/// Every options class is validated when the app starts (the start-up validation the host runs,
/// and that serve and the verbs run before anything else): a bad setting stops it with a
/// message naming the setting.
/// </summary>
public sealed class OptionsValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-options-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Storage:Database", " ", "Database")]
    [InlineData("Ingestion:Files:MaxFileBytes", "0", "MaxFileBytes")]
    [InlineData("Demo:IntervalMilliseconds", "-5", "IntervalMilliseconds")]
    [InlineData("Ingestion:Fetch:AttemptTimeout", "00:00:00", "AttemptTimeout")]
    [InlineData("Ingestion:MaxItemsPerPoll", "0", "MaxItemsPerPoll")]
    [InlineData("Ingestion:Polling:Tick", "00:00:00.001", "Tick")]
    [InlineData("Auth:ApiKeys:1", "short", "Auth:ApiKeys:1")]
    [InlineData("Auth:AnnotatorKeys:0", StanceBoardFactory.AdminKey, "both in Auth:ApiKeys and in Auth:AnnotatorKeys")]
    [InlineData("Model:Seed", "several", "Model:Seed")]
    public async Task Validate_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        await using var app = CreateSut((key, value));

        var error = Should.Throw<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        error.Message.ShouldContain(named);
    }

    [Fact]
    public async Task Validate_DefaultsAndTestKeys_Pass()
    {
        await using var app = CreateSut(("Auth:ApiKeys:1", "a-second-admin-key-long-enough"));

        Should.NotThrow(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
    }

    private WebApplication CreateSut(params (string Key, string Value)[] settings) => WebApp.Build(
    [
        $"--Storage:Database={Path.Combine(_folder, "board.db")}",
        $"--Auth:ApiKeys:0={StanceBoardFactory.AdminKey}",
        .. settings.Select(s => $"--{s.Key}={s.Value}"),
    ]);
}
