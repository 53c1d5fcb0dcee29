using System.Globalization;
using System.Net;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// `Metrics:Enabled` serves OpenTelemetry metrics in Prometheus format on /metrics: what an operator's Prometheus
/// scrapes. Off by default.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private ChatCrmApp? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Metrics_are_off_by_default_and_the_endpoint_does_not_exist()
    {
        _app = await ChatCrmApp.StartAsync();
        using var http = _app.CreateClient();

        using var response = await http.GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_the_switch_metrics_show_updates_handler_time_sends_backlog_lease_and_scheduler_lag_and_they_move()
    {
        _app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = "true",
            // A beat every second, so the scheduler's lag shows without waiting a minute.
            ["Schedule:Heartbeat"] = "* * * * * ?",
        });
        using var http = _app.CreateClient();

        await _app.SendAsync(Updates.Text(ChatCrmApp.AdminId, "/help"));
        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId, 1);
        var first = await ScrapeUntilAsync(http, m =>
            m.Value("chatcrm_updates_total", ("kind", "message"), ("outcome", "handled")) >= 1
            && m.Value("chatcrm_outbox_sends_total", ("result", "ok")) >= 1
            && m.Value("chatcrm_scheduler_lag_seconds_count") >= 1);

        first.Value("chatcrm_update_duration_seconds_count", ("kind", "message")).Should().BeGreaterThanOrEqualTo(1);
        first.Has("chatcrm_outbox_pending").Should().BeTrue();
        first.Has("chatcrm_outbox_oldest_age_seconds").Should().BeTrue();
        first.Value("chatcrm_sender_lease_holder").Should().Be(1, "a single instance always sends");

        await _app.SendAsync(Updates.Text(ChatCrmApp.AdminId, "/help"));
        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId, 2);
        var handled = first.Value("chatcrm_updates_total", ("kind", "message"), ("outcome", "handled"));
        var sent = first.Value("chatcrm_outbox_sends_total", ("result", "ok"));
        var second = await ScrapeUntilAsync(http, m =>
            m.Value("chatcrm_updates_total", ("kind", "message"), ("outcome", "handled")) > handled
            && m.Value("chatcrm_outbox_sends_total", ("result", "ok")) > sent);

        second.Value("chatcrm_update_duration_seconds_count", ("kind", "message"))
            .Should().BeGreaterThan(first.Value("chatcrm_update_duration_seconds_count", ("kind", "message")));
    }

    [Fact]
    public async Task Sends_are_counted_by_what_telegram_answered_a_429_a_5xx_and_ok()
    {
        _app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = "true",
            ["Outbox:MaxOutagePause"] = "00:00:00.3",
        });
        var answers = new System.Collections.Concurrent.ConcurrentQueue<FakeAnswer>([new FakeAnswer(429, "Too Many Requests: retry after 1", RetryAfter: 1), new FakeAnswer(502, "Bad Gateway")]);
        _app.Api.Behaviour = (method, _) => method == "sendMessage" && answers.TryDequeue(out var answer) ? answer : null;
        using var http = _app.CreateClient();

        await _app.SendAsync(Updates.Text(ChatCrmApp.AdminId, "/help"));
        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId, 1, TimeSpan.FromSeconds(15));

        var scrape = await ScrapeUntilAsync(http, m => m.Value("chatcrm_outbox_sends_total", ("result", "ok")) >= 1);
        scrape.Value("chatcrm_outbox_sends_total", ("result", "429")).Should().Be(1);
        scrape.Value("chatcrm_outbox_sends_total", ("result", "5xx")).Should().Be(1);
    }

    /// <summary>Scrapes until <paramref name="ready"/> holds (the exporter caches a scrape briefly), or fails with the last page.</summary>
    private static async Task<Scrape> ScrapeUntilAsync(HttpClient http, Func<Scrape, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await http.GetAsync("/metrics");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var scrape = new Scrape(await response.Content.ReadAsStringAsync());
            if (ready(scrape))
            {
                return scrape;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("The metrics never showed what was expected:\n" + scrape.Text);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>One Prometheus text page, read as an operator's query would: a series by name and labels.</summary>
    private sealed class Scrape(string text)
    {
        public string Text { get; } = text;

        public bool Has(string name) => Series(name).Any();

        /// <summary>The sum over the series of <paramref name="name"/> that carry every given label; 0 if none.</summary>
        public double Value(string name, params (string Label, string Value)[] labels) =>
            Series(name).Where(s => labels.All(l => s.Labels.Contains($"{l.Label}=\"{l.Value}\""))).Sum(s => s.Value);

        private IEnumerable<(string Labels, double Value)> Series(string name)
        {
            foreach (var line in Text.Split('\n'))
            {
                if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = line[name.Length..];
                var labels = "";
                if (rest.StartsWith('{'))
                {
                    var end = rest.IndexOf('}', StringComparison.Ordinal);
                    labels = rest[1..end];
                    rest = rest[(end + 1)..];
                }
                else if (!rest.StartsWith(' '))
                {
                    continue; // another metric whose name begins with this one
                }

                var value = rest.Trim().Split(' ')[0];
                yield return (labels, double.Parse(value, CultureInfo.InvariantCulture));
            }
        }
    }
}
