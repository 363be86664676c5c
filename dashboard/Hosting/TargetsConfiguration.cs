using StanceBoard.Analysis.Targets;

namespace StanceBoard.Dashboard.Hosting;

/// <summary>Reads the <c>Targets</c> section into a catalog, with a clear message when it is unusable.</summary>
internal static class TargetsConfiguration
{
    public const string Section = "Targets";

    public static TargetCatalog Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new Dictionary<string, TargetOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            var target = new TargetOptions();
            child.Bind(target);
            if (string.IsNullOrWhiteSpace(child.Key) || int.TryParse(child.Key, out _))
            {
                throw new ConfigurationException(
                    $"Configuration '{Section}' must map target names to options, e.g. \"Targets\": {{ \"Russia\": {{ \"Aliases\": [\"Moscow\"] }} }}; found key '{child.Key}'.");
            }

            options[child.Key] = target;
        }

        if (options.Count == 0 || options.Values.All(o => !o.Enabled))
        {
            throw new ConfigurationException(
                $"No targets are configured. Add at least one under '{Section}' in appsettings.json (or Targets__Russia__Aliases__0=Moscow in the environment).");
        }

        return TargetCatalog.FromOptions(options);
    }
}
