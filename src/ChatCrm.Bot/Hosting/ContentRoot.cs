namespace ChatCrm.Bot.Hosting;

/// <summary>
/// Where the bot reads appsettings.json from. The host's default is the working directory, which is right for
/// <c>dotnet run --project src/ChatCrm.Bot</c> (the project folder, with its appsettings.Local.json) but not for the
/// built bot started from elsewhere (a service's data folder): it then ran without its settings and logged every SQL
/// statement. Data stays relative to the working directory either way (README, "Where data lives").
/// </summary>
internal static class ContentRoot
{
    /// <summary>
    /// The program's own folder when the working directory holds no appsettings.json and no content root was asked
    /// for (<c>--contentRoot</c>, ASPNETCORE_CONTENTROOT, DOTNET_CONTENTROOT); otherwise null, the host's default.
    /// </summary>
    public static string? For(string[] args, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        var asked = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return asked || File.Exists(Path.Combine(workingDirectory, "appsettings.json")) ? null : AppContext.BaseDirectory;
    }
}
