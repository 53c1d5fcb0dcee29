using ChatCrm.Bot.Hosting;

if (args.Contains("chat"))
{
    var chat = Host.CreateApplicationBuilder(args);
    chat.AddLocalSettings(args).AddChatCrm(TransportMode.LocalChat);
    // The terminal is the conversation: only problems go to stderr, whatever appsettings.json says.
    chat.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter(level => level >= LogLevel.Warning);
    await chat.Build().RunAsync();
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddLocalSettings(args).AddChatCrm();
var app = builder.Build();

if (StartupGuide.NoToken(app.Configuration))
{
    StartupGuide.Print(Console.Out);
    return 1;
}

app.MapChatCrm();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
