using System.Globalization;

namespace ChatCrm.Faults.Infrastructure;

/// <summary>
/// Short (the default, what CI runs inside <c>dotnet test ChatCrm.sln</c>) or long (<c>CHATCRM_FAULTS=long</c>, the run whose
/// figures docs/RELIABILITY.md records). Every scenario takes its sizes from here.
/// </summary>
public static class FaultMode
{
    public static bool Long { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CHATCRM_FAULTS"), "long", StringComparison.OrdinalIgnoreCase);

    public static string Name => Long ? "long" : "short";

    /// <summary>The one seed every generated thing starts from, so a failure can be replayed (<c>CHATCRM_FAULTS_SEED</c> overrides).</summary>
    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CHATCRM_FAULTS_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 16_2026;

    public static T Pick<T>(T shortValue, T longValue) => Long ? longValue : shortValue;
}

/// <summary>The category the fast-test filter leaves out: <c>--filter "Category!=EndToEnd&amp;Category!=Postgres&amp;Category!=Faults"</c>.</summary>
public static class FaultCategory
{
    public const string Trait = "Category";
    public const string Name = "Faults";
}
