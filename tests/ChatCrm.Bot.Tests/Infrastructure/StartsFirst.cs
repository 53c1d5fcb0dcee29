using System.Reflection;
using ChatCrm.Bot.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("ChatCrm.Bot.Tests.Infrastructure." + nameof(WaitersFirst), "ChatCrm.Bot.Tests")]

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// Marks a test class that spends its time waiting rather than computing: real bot processes starting and being
/// killed, a scheduler cluster failing over, a lease running out. Such a class starts with the first classes of the
/// run, so that its minute of waiting lies beside the classes that keep both cores busy instead of after them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StartsFirstAttribute : Attribute;

/// <summary>
/// The order in which the test classes (each its own collection unless it names one) are started: those marked
/// <see cref="StartsFirstAttribute"/> first, then the rest in xunit's own order. Six run at a time
/// (xunit.runner.json); the <c>Throttling</c> collection still runs alone after all of them.
/// </summary>
public sealed class WaitersFirst : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _default.OrderTestCollections(testCollections).OrderBy(c => StartsFirst(c) ? 0 : 1);

    // A class's own collection is named "Test collection for <full class name>".
    private static bool StartsFirst(ITestCollection collection)
    {
        const string prefix = "Test collection for ";
        if (!collection.DisplayName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var type = typeof(WaitersFirst).Assembly.GetType(collection.DisplayName[prefix.Length..]);
        return type?.GetCustomAttribute<StartsFirstAttribute>() is not null;
    }
}
