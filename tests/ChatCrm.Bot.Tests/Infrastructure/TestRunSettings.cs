using System.Runtime.CompilerServices;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>Settings for every host this test run starts, applied once when the test assembly loads.</summary>
internal static class TestRunSettings
{
    /// <summary>
    /// No host of the test run watches its appsettings.json for changes. Each watcher is an inotify instance, of which a
    /// user gets 128 on Linux; a test host that is never disposed (a test failing in its set-up) keeps its watchers until
    /// the finalizers run, and with hundreds of hosts started a minute the limit was reached and every later host failed
    /// to start. Nothing in a test changes a settings file while its host runs.
    /// </summary>
    [ModuleInitializer]
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
