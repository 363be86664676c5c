using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Apis;
using StanceBoard.Dashboard.Auth;
using StanceBoard.Dashboard.ChartServing;
using StanceBoard.Dashboard.Demo;
using StanceBoard.Dashboard.Hubs;
using StanceBoard.Dashboard.LiveCharts;
using StanceBoard.Dashboard.Models;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Sources;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Telemetry;

namespace StanceBoard.Dashboard.Hosting;

/// <summary>Builds and configures the web app: API, hub, page.</summary>
internal static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Next to the binaries (appsettings.json, wwwroot), unless the host is told otherwise (tests do).
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, CoreServices.SwitchMappings.ToDictionary());
        builder.Services.AddStanceBoardCore(builder.Configuration);

        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.CanWrite, p => p.RequireRole(Roles.Admin, Roles.Annotator))
            .AddPolicy(Roles.CanAdminister, p => p.RequireRole(Roles.Admin));

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name);
        builder.Services.AddOpenApi();
        // Hub messages are parsed by the SignalR client, never read as HTML: escape only what JSON needs.
        // Charts are SVG, full of < > and quotes; default escaping (\u003C…) made them ~55 % larger for every client.
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddChartServing(); // first sink: chart caches see a change before anyone reacts to it
        builder.Services.AddSingleton<HubPieceSink>();
        builder.Services.AddSingleton<IPieceScoredSink>(sp => sp.GetRequiredService<HubPieceSink>());
        builder.Services.AddSingleton<IPiecesRemovedSink>(sp => sp.GetRequiredService<HubPieceSink>());
        builder.Services.AddLiveCharts();
        builder.Services.AddStanceBoardTelemetry(builder.Configuration, web: true);
        builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.IHubFilter, HubMetricsFilter>();
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddHostedService<DemoReplayService>();
        builder.Services.AddStoreWatcher(builder.Configuration);
        builder.Services.AddHostedService<SourcePollingService>();
        builder.Services.AddSingleton<IRescoreProgressSink, HubRescoreSink>();
        builder.Services.AddSingleton<RescoreService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RescoreService>());

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Revalidate page assets on every load (cheap 304s), so an upgraded server never runs stale scripts.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting(); // after static files, so the page fallback never shadows a file
        app.UseMiddleware<StoreReadinessMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthApi();
        app.MapPiecesApi();
        app.MapSummaryApi();
        app.MapDemoApi();
        app.MapSourcesApi();
        app.MapModelsApi();
        app.MapChartsApi();
        app.MapChartViewApi();
        app.MapHub<StanceHub>(StanceHub.Path);
        app.MapStanceBoardTelemetry();

        // The page routes (/authors/x, /pieces/1, /sources, …) are client-side: serve the shell.
        app.MapFallbackToFile("{*path:regex(^(?!api/|hubs/|openapi/).*$):nonfile}", "index.html");
        // Author and outlet names may hold a dot (J. Smith, Eurasianet.org), which the catch-all
        // above takes for a file name: their routes serve the shell whatever the name.
        app.MapFallbackToFile("authors/{name}", "index.html");
        app.MapFallbackToFile("outlets/{name}", "index.html");
        return app;
    }
}
