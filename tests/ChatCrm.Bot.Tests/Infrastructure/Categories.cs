using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// The kinds of slow or server-needing test, as the "Category" trait that <c>dotnet test --filter</c> selects on:
/// <c>--filter "Category!=EndToEnd&amp;Category!=Postgres&amp;Category!=Faults"</c> runs only the fast ones (Faults is the
/// fault suite, tests/ChatCrm.Faults). Mark a class (or a test) with <see cref="EndToEndAttribute"/>,
/// <see cref="PostgresAttribute"/> or <see cref="BrowserAttribute"/>.
/// </summary>
/// <remarks>
/// <para>Suites that run on both databases (<see cref="TestDatabase"/>) are abstract classes with two one-line
/// subclasses, <c>…OnSqlite</c> and <c>[Postgres] …OnPostgres</c>: <c>--filter "Category=Postgres"</c> selects every
/// PostgreSQL run, <c>--filter "FullyQualifiedName~OnPostgres"</c> only those of the shared suites. Without
/// CHATCRM_TEST_POSTGRES the PostgreSQL runs are reported as skipped.</para>
/// <para>The tests left on SQLite alone are those about SQLite itself (its file, WAL and pragmas, query plans), those
/// that need no database, and those not yet moved: make a suite abstract over <see cref="TestDatabase"/>, mark its
/// tests <see cref="DatabaseFactAttribute"/> / <see cref="DatabaseTheoryAttribute"/> and add the two classes.</para>
/// </remarks>
public static class Categories
{
    public const string Trait = "Category";

    /// <summary>Whole scenarios, and the built bot run as its own process (<see cref="BotProcess"/>).</summary>
    public const string EndToEnd = "EndToEnd";

    /// <summary>Needs a PostgreSQL server (CHATCRM_TEST_POSTGRES); skipped without one.</summary>
    public const string Postgres = "Postgres";

    /// <summary>Drives the pages in a real browser.</summary>
    public const string Browser = "Browser";
}

/// <summary>A trait attribute that puts its test in one of the <see cref="Categories"/>.</summary>
public abstract class CategoryAttribute(string category) : Attribute, ITraitAttribute
{
    public string Category { get; } = category;
}

[TraitDiscoverer(CategoryDiscoverer.TypeName, CategoryDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class EndToEndAttribute() : CategoryAttribute(Categories.EndToEnd);

[TraitDiscoverer(CategoryDiscoverer.TypeName, CategoryDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PostgresAttribute() : CategoryAttribute(Categories.Postgres);

[TraitDiscoverer(CategoryDiscoverer.TypeName, CategoryDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BrowserAttribute() : CategoryAttribute(Categories.Browser);

/// <summary>How xUnit learns the trait of a <see cref="CategoryAttribute"/>: it names discoverers by type and assembly name.</summary>
public sealed class CategoryDiscoverer : ITraitDiscoverer
{
    public const string TypeName = "ChatCrm.Bot.Tests.Infrastructure." + nameof(CategoryDiscoverer);
    public const string AssemblyName = "ChatCrm.Bot.Tests";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [new(Categories.Trait, traitAttribute.GetNamedArgument<string>(nameof(CategoryAttribute.Category)))];
}
