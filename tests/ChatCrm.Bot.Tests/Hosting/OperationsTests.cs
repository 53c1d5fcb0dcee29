using System.Net;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// What an operator relies on: the health endpoints a probe calls, a database outage reported once a minute rather
/// than eighty times a second (and recovered from without a restart), and a clear word at start when nobody can
/// administer the bot. The outage is real: the database's folder is moved away, so SQLite cannot open the file.
/// </summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private ChatCrmApp? _app;
    private string? _away;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            if (_away is not null && Directory.Exists(_away))
            {
                Directory.Move(_away, _app.Folder);
            }

            await _app.DisposeAsync();
        }
    }

    /// <summary>The database's folder is moved away: open connections are closed, and no new one can open the file.</summary>
    private void TakeTheDatabaseAway()
    {
        _away = _app!.Folder + "-away";
        Directory.Move(_app.Folder, _away);
        SqliteConnection.ClearAllPools();
    }

    private void BringTheDatabaseBack()
    {
        Directory.Move(_away!, _app!.Folder);
        _away = null;
    }

    [Fact]
    public async Task Live_answers_while_the_process_runs_and_ready_follows_the_database_down_and_back_up()
    {
        _app = await ChatCrmApp.StartAsync();
        using var http = _app.CreateClient();
        (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        TakeTheDatabaseAway();

        using var ready = await http.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"degraded\",\"database\":\"unavailable\"}");
        (await http.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "/health answers as before");
        (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the process is up: restarting it would not help");

        BringTheDatabaseBack();

        (await http.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetStringAsync("/health")).Should().Be("{\"status\":\"ok\",\"database\":\"ready\"}");
    }

    [Fact]
    public async Task A_database_outage_is_one_warning_then_one_line_a_minute_then_one_when_it_is_back_and_the_bot_answers_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var logs = new LogCapture();
        _app = await ChatCrmApp.StartAsync(clock: clock, logs: logs);
        var before = logs.Lines.Count;

        TakeTheDatabaseAway();
        // The dispatcher goes to the table at once (and then every second while it fails); the import worker every second.
        _app.Services.GetRequiredService<OutboxSignal>().Notify();
        await Task.Delay(TimeSpan.FromSeconds(4));

        var during = logs.Lines.Skip(before).ToList();
        during.Where(l => l.Level >= LogLevel.Error).Should().BeEmpty("an outage is not an error per try");
        var outage = during.Where(l => l.Category == typeof(DatabaseOutage).FullName).ToList();
        outage.Should().ContainSingle("one warning for the whole outage, not one a second").Which.Should().Match<LogLine>(l =>
            l.Level == LogLevel.Warning && l.Exception == null && l.Message.Contains("The database is unavailable"));
        during.Should().HaveCount(1, "nothing else is logged while the loops retry");

        clock.Advance(TimeSpan.FromSeconds(61));
        await WaitForAsync(logs, l => l.Message.Contains("still unavailable"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var reminder = logs.Lines.Skip(before).Where(l => l.Message.Contains("still unavailable")).Should().ContainSingle().Subject;
        reminder.Message.Should().Contain("for 61 s").And.Contain("outbox dispatcher");
        var tries = int.Parse(System.Text.RegularExpressions.Regex.Match(reminder.Message, @"\((\d+) failed tries").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        tries.Should().BeGreaterThanOrEqualTo(4, "the loops kept trying about once a second all along, quietly");

        BringTheDatabaseBack();
        await WaitForAsync(logs, l => l.Message.Contains("available again"));
        await _app.SendAsync(Updates.Text(ChatCrmApp.AdminId, "/help"));
        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId, 1);

        logs.Lines.Skip(before).Where(l => l.Level >= LogLevel.Warning).Should().HaveCount(3, "began, still, back: three lines for a minute's outage");
    }

    [Fact]
    public async Task Without_any_admin_the_start_warns_how_to_name_one()
    {
        var logs = new LogCapture();
        _app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["Crm:AdminTelegramIds:0"] = null }, logs: logs);

        logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Category == typeof(FirstRunCheck).FullName
            && l.Message.Contains("No admin is configured") && l.Message.Contains("Crm__AdminTelegramIds__0=<id>")
            && l.Message.Contains("\"Crm\": { \"AdminTelegramIds\": [ <id> ] }"));
    }

    [Fact]
    public async Task A_single_admin_value_that_binds_to_nothing_is_named_in_the_warning()
    {
        var logs = new LogCapture();
        _app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Crm:AdminTelegramIds:0"] = null,
            ["Crm:AdminTelegramIds"] = "424242",
        }, logs: logs);

        logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Message.Contains("Crm__AdminTelegramIds__0=424242"));
    }

    [Fact]
    public async Task With_an_admin_configured_the_start_says_nothing_about_admins()
    {
        var logs = new LogCapture();
        _app = await ChatCrmApp.StartAsync(logs: logs);

        logs.Lines.Should().NotContain(l => l.Category == typeof(FirstRunCheck).FullName);
    }

    [Fact]
    public void The_guide_without_a_token_names_the_admin_variable_that_binds()
    {
        using var output = new StringWriter();

        StartupGuide.Print(output);

        output.ToString().Should().Contain("Crm__AdminTelegramIds__0=<your numeric Telegram id>").And.NotContain("Crm__AdminTelegramIds=");
    }

    private static async Task WaitForAsync(LogCapture logs, Func<LogLine, bool> line)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!logs.Lines.Any(line))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("Never logged; the log was:\n" + string.Join('\n', logs.Lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
            }

            await Task.Delay(100);
        }
    }
}
