using ChatCrm.Bot.Hosting;

// The program's own folder holds appsettings.json when it is started from elsewhere (see ContentRoot).
var contentRoot = ContentRoot.For(args, Directory.GetCurrentDirectory());
if (args.Contains("chat"))
{
    var chat = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
    chat.AddLocalSettings(args).AddChatCrm(TransportMode.LocalChat);
    // The terminal is the conversation: only problems go to stderr, whatever appsettings.json says.
    chat.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter(level => level >= LogLevel.Warning);
    await chat.Build().CheckSettings().RunAsync();
    return 0;
}

if (args.Contains(ChatCrm.Bot.Data.MoveData.Verb))
{
    // move-data --to "<postgres connection>": the configured SQLite database into an empty PostgreSQL one.
    var tool = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
    tool.AddLocalSettings(args);
    return await ChatCrm.Bot.Data.MoveData.RunAsync(tool.Configuration, args, Console.Out, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
builder.AddLocalSettings(args).AddChatCrm();
var app = builder.Build();

if (StartupGuide.NoToken(app.Configuration))
{
    StartupGuide.Print(Console.Out);
    return 1;
}

app.CheckSettings().MapChatCrm();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
