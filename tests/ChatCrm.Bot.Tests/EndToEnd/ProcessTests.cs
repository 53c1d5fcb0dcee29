using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Infrastructure;
using System.Data.Common;
using ChatCrm.Bot.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatCrm.Bot.Tests.EndToEnd;

/// <summary>
/// The bot as a newcomer and an operator meet it: a separate process, started, killed, restarted — on either database.
/// </summary>
[EndToEnd, StartsFirst]
public abstract class ProcessTests(TestDatabase database) : IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "chatcrm-tests", "process-" + Guid.NewGuid().ToString("N"));

    private string SqliteFile => Path.Combine(Folder, "chatcrm.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await database.DropAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }

    /// <summary>The variables that put the process on the test's database.</summary>
    private Dictionary<string, string> Database() => database is PostgresDatabase postgres
        ? new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__ChatCrm"] = postgres.ConnectionString }
        : new() { ["ConnectionStrings__ChatCrm"] = $"Data Source={SqliteFile}" };

    protected Dictionary<string, string> Environment(FakeBotApi api, int port) => new(Database())
    {
        ["Telegram__BotToken"] = FakeBotApi.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl,
        ["Crm__AdminTelegramIds__0"] = ChatCrmApp.AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Logging__LogLevel__Default"] = "Information",
    };

    private DbConnection Connect() => database is PostgresDatabase postgres
        ? new NpgsqlConnection(postgres.ConnectionString)
        : new SqliteConnection($"Data Source={SqliteFile}");

    [DatabaseFact]
    public async Task A_reply_committed_before_the_process_was_killed_is_sent_after_restart()
    {
        await using var api = await FakeBotApi.StartAsync();
        // The first process commits the reply, then its send is lost on the way and the process dies.
        api.Behaviour = (method, _) => method == "sendMessage" ? FakeAnswer.NoAnswer : null;
        api.EnqueueUpdate(Updates.Text(ChatCrmApp.AdminId, "/help", "en", updateId: 41));
        var port = BotProcess.FreePort();

        await using (var first = BotProcess.Start(Environment(api, port)))
        {
            await api.WaitForAsync(c => c.Any(x => x.Method == "sendMessage"), TimeSpan.FromSeconds(30), "the first process tried to send");
            first.Kill();
            await first.Process.WaitForExitAsync();
        }

        api.Delivered().Should().BeEmpty();
        api.Behaviour = null;
        await using var second = BotProcess.Start(Environment(api, port));

        var delivered = await api.WaitForMessagesAsync(ChatCrmApp.AdminId, 1, TimeSpan.FromSeconds(30));
        delivered.Single().Text.Should().Contain("Commands");
        await Task.Delay(1500);
        api.DeliveredTo(ChatCrmApp.AdminId).Should().ContainSingle("the update is not handled twice after the restart");
    }

    [DatabaseFact]
    public async Task Health_answers_on_the_running_process()
    {
        await using var api = await FakeBotApi.StartAsync();
        var port = BotProcess.FreePort();
        await using var bot = BotProcess.Start(Environment(api, port));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var health = await UntilAnsweredAsync(bot, () => http.GetFromJsonAsync<Dictionary<string, string>>("/health"));

        health!["database"].Should().Be("ready");
        bot.Output.Should().NotContain(FakeBotApi.Token, "the bot token never appears in the logs");
    }

    [DatabaseFact]
    public async Task The_local_chat_answers_help_and_presses_buttons_by_number()
    {
        await using var bot = BotProcess.Start(Database(), "chat");
        await bot.WaitForOutputAsync("local chat", TimeSpan.FromSeconds(30));

        await bot.Process.StandardInput.WriteLineAsync("/help");
        await bot.WaitForOutputAsync("/invite — ", TimeSpan.FromSeconds(10));
        await bot.Process.StandardInput.WriteLineAsync("/lang");
        await bot.WaitForOutputAsync("[2] 🇬🇧 English", TimeSpan.FromSeconds(10));
        await bot.Process.StandardInput.WriteLineAsync("2");
        await bot.WaitForOutputAsync("Language: English", TimeSpan.FromSeconds(10));
        await bot.Process.StandardInput.WriteLineAsync("/digest");
        await bot.WaitForOutputAsync(".png", TimeSpan.FromSeconds(30));
        await bot.Process.StandardInput.WriteLineAsync("/exit");

        await bot.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        bot.Output.Should().Contain("Команды (администратор)");
        var picture = Regex.Match(bot.Output, @"🖼 .*\n\s+(\S+\.png)").Groups[1].Value;
        File.ReadAllBytes(picture).Take(4).Should().Equal((byte)0x89, (byte)'P', (byte)'N', (byte)'G');
        File.Delete(picture);
        bot.Process.ExitCode.Should().Be(0);
    }

    [DatabaseFact]
    public async Task A_burst_killed_while_part_of_it_waits_is_applied_whole_and_once_after_the_restart()
    {
        await using var api = await FakeBotApi.StartAsync();
        var port = BotProcess.FreePort();
        var environment = Environment(api, port);
        environment["Telegram__WebhookUrl"] = "https://crm.example.com/telegram/webhook";
        environment["Telegram__SecretToken"] = ChatCrmApp.Secret;
        environment["Logging__LogLevel__Default"] = "Warning";
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Telegram-Bot-Api-Secret-Token", ChatCrmApp.Secret);
        var burst = Enumerable.Range(1, 40).Select(i => Updates.Text(ChatCrmApp.AdminId, $"/call Ромашка заметка {i:00}")).ToList();

        await using (var first = BotProcess.Start(environment))
        {
            await UntilAnsweredAsync(first, () => http.GetFromJsonAsync<Dictionary<string, string>>("/health"));
            (await PostAsync(http, Updates.Text(ChatCrmApp.AdminId, "/client Ромашка"))).Should().Be(HttpStatusCode.OK);
            // Posted as Telegram flushes a backlog: one after another, each acknowledged. The rate lets 29 more run at
            // once; the rest wait, one a second, and the process dies while some still do.
            foreach (var update in burst)
            {
                (await PostAsync(http, update)).Should().Be(HttpStatusCode.OK);
            }

            await Task.Delay(1500);
            first.Kill();
            await first.Process.WaitForExitAsync();
        }

        (await CountAsync("WaitingUpdates")).Should().BeGreaterThan(0, "the process was killed with updates still waiting");
        await using var second = BotProcess.Start(environment);

        for (var wait = 0; wait < 300 && await CountAsync("Touches") < 40; wait++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(1500);
        (await NotesAsync()).Should().Equal(Enumerable.Range(1, 40).Select(i => $"заметка {i:00}"), "every update took effect once, in order");
        (await CountAsync("WaitingUpdates")).Should().Be(0);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string update)
    {
        using var response = await http.PostAsync("/telegram/webhook", new StringContent(update, System.Text.Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private async Task<long> CountAsync(string table)
    {
        await using var db = Connect();
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> NotesAsync()
    {
        await using var db = Connect();
        await db.OpenAsync();
        await using var select = db.CreateCommand();
        select.CommandText = "SELECT \"Note\" FROM \"Touches\" ORDER BY \"Id\"";
        var notes = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    /// <summary>
    /// Asks the process until it answers. A minute, like the other waits for a bot process to start: the waiting classes
    /// start together at the beginning of a run (<see cref="StartsFirstAttribute"/>), when the cores are busiest, and a
    /// Debug build once took more than the fifteen seconds this allowed. A process that exited fails at once, with
    /// what it printed.
    /// </summary>
    protected static async Task<T> UntilAnsweredAsync<T>(BotProcess bot, Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !bot.Process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException e)
            {
                throw new Xunit.Sdk.XunitException($"The bot process never answered ({e.Message}). It printed:\n{bot.Output}");
            }
        }
    }
}

/// <summary>
/// On SQLite, plus what only SQLite has: the file the bot makes in its working directory, and the start without a token
/// (it stops before any database is opened).
/// </summary>
public sealed class ProcessTestsOnSqlite() : ProcessTests(TestDatabase.Sqlite())
{
    [Fact]
    public async Task Started_from_another_folder_the_bot_reads_its_own_settings_and_keeps_its_data_in_the_working_directory()
    {
        await using var api = await FakeBotApi.StartAsync();
        var port = BotProcess.FreePort();
        var environment = Environment(api, port);
        environment.Remove("ConnectionStrings__ChatCrm");
        environment.Remove("Logging__LogLevel__Default");
        api.EnqueueUpdate(Updates.Text(ChatCrmApp.AdminId, "/help", "en", updateId: 51));

        await using var bot = BotProcess.StartIn(Folder, environment);
        await api.WaitForMessagesAsync(ChatCrmApp.AdminId, 1, TimeSpan.FromSeconds(30));
        await bot.WaitForOutputAsync("Connected to Telegram", TimeSpan.FromSeconds(10));

        bot.Output.Should().NotContain("Executed DbCommand", "appsettings.json keeps EF Core at Warning");
        File.Exists(Path.Combine(Folder, "data", "chatcrm.db")).Should().BeTrue("the SQLite file is relative to the working directory");
    }

    [Fact]
    public async Task Without_a_token_it_explains_how_to_get_one_instead_of_a_stack_trace()
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__ChatCrm"] = $"Data Source={Path.Combine(Folder, "chatcrm.db")}",
        });

        await bot.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        bot.Output.Should().Contain("@BotFather").And.Contain("-- chat").And.NotContain("Exception");
    }
}

[EndToEnd, Postgres]
public sealed class ProcessTestsOnPostgres() : ProcessTests(TestDatabase.Postgres());
