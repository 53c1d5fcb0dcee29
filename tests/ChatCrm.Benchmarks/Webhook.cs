using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Transport;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Benchmarks;

/// <summary>What the webhook benchmarks share: members the bot knows, and an update posted the way Telegram posts it.</summary>
internal static class Webhook
{
    /// <summary>The command every benchmark sends: it runs the whole pipeline and writes exactly one reply.</summary>
    public const string Command = "/cancel";

    /// <summary>
    /// Managers with ids from 10,000 up who have written to the bot before (so their next update earns just the
    /// reply, not a first-visit command menu as well).
    /// </summary>
    public static async Task<IReadOnlyList<long>> AddMembersAsync(ChatCrmDbContext db, int count)
    {
        var members = Enumerable.Range(0, count).Select(i => 10_000L + i).ToList();
        foreach (var id in members)
        {
            var user = User.Create(id, $"M{id}", Role.Manager, "Europe/Moscow", DateTime.UtcNow);
            user.Seen(id, $"M{id}", null, "ru", DateTime.UtcNow);
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();
        return members;
    }

    /// <summary>
    /// The built bot started as its own process on <paramref name="connectionString"/>, talking to the fake Bot API,
    /// listening on <paramref name="port"/>, with the minute heartbeat off (it could write morning plans mid-run);
    /// <paramref name="more"/> adds or overrides settings, and <c>BENCH_BOT_ENV=NAME=value,…</c> passes more still (GC
    /// experiments). Returns once the bot registered its webhook.
    /// </summary>
    public static async Task<BotProcess> StartBotAsync(FakeBotApi api, string connectionString, int port, IDictionary<string, string>? more = null,
        bool waitForWebhook = true)
    {
        var environment = new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Telegram__WebhookUrl"] = "https://crm.example.com/telegram/webhook",
            ["Telegram__SecretToken"] = ChatCrmApp.Secret,
            ["ConnectionStrings__ChatCrm"] = connectionString,
            ["Crm__AdminTelegramIds__0"] = ChatCrmApp.AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Schedule__Heartbeat"] = "off",
            // As deploy/Dockerfile and deploy/chatcrm.service run it: an 8 MB gen0 budget (the README's "Memory").
            ["DOTNET_GCgen0size"] = "0x800000",
        };
        var extra = Environment.GetEnvironmentVariable("BENCH_BOT_ENV") is { Length: > 0 } set
            ? set.Split(',').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1]))
            : [];
        foreach (var (key, value) in (more ?? new Dictionary<string, string>()).Concat(extra))
        {
            environment[key] = value;
        }

        // BENCH_BOT_DLL: a published bot instead of the Release build (e.g. deploy/Dockerfile's publish, ReadyToRun).
        var bot = Environment.GetEnvironmentVariable("BENCH_BOT_DLL") is { Length: > 0 } dll
            ? BotProcess.StartDll(dll, environment)
            : BotProcess.Start(environment);
        if (!waitForWebhook)
        {
            return bot;
        }

        await api.WaitForAsync(c => c.Any(x => x.Method == "setWebhook"), TimeSpan.FromSeconds(60), "the bot registered its webhook");
        return bot;
    }

    /// <summary>Sends every request with the secret Telegram was given at setWebhook.</summary>
    public static HttpClient WithSecret(HttpClient http)
    {
        http.DefaultRequestHeaders.Add("X-Telegram-Bot-Api-Secret-Token", ChatCrmApp.Secret);
        return http;
    }

    /// <summary>A fresh update (its own update_id) from <paramref name="chat"/>, posted to the webhook.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, long chat, CancellationToken ct = default) =>
        http.PostAsync(TelegramOptions.WebhookPath, new StringContent(Updates.Text(chat, Command), Encoding.UTF8, "application/json"), ct);
}
