using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Storage.Sqlite;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.ChartServing;

/// <summary>The real app with extra settings and <see cref="StoreHooks"/> around the store's observation reads.</summary>
public class ChartServingFactory(IDictionary<string, string?> settings) : StanceBoardFactory(useKestrel: false, settings: settings)
{
    public StoreHooks Hooks { get; } = new();

    public HttpClient Writer()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStanceStore>(sp => ObservedStore.Wrap(sp.GetRequiredService<SqliteStanceStore>(), Hooks));
        });
    }
}
