using System.Globalization;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Faults.Infrastructure;
using Xunit.Abstractions;

namespace ChatCrm.Faults;

/// <summary>
/// Scenario 6: manager B replays every button manager A was sent (the real callback_data, from B's own account), and
/// tries A's client and deal numbers in commands and in the duplicate check. Nothing of A's may change, and no reply
/// to B may show A's client's name, phone or e-mail — except what B typed in that very message. "B" is a few managers
/// sharing the probes, to keep the run short.
/// </summary>
[Trait(FaultCategory.Trait, FaultCategory.Name)]
public sealed class ForgedButtonTests(ITestOutputHelper output)
{
    private const long A = 80_001;
    private const long B = 80_002;

    // Several other managers replay at once, each on their own chat: Telegram paces replies to one chat to 1 a second.
    private const int Intruders = 4;
    private const string ClientName = "Ромашка ООО";
    // Not the phone of the bot's own examples (8 900 123-45-67), which any reply may show.
    private const string Phone = "+7 916 555-12-34";
    private const string PhoneDigits = "9165551234";
    private const string Email = "romashka@example.com";
    private static readonly string[] Tables = ["Clients", "Deals", "Touches", "StageChanges", "DealLines", "Obligations", "ContactPeople", "ClientNudges"];

    [Fact]
    public async Task Another_managers_buttons_and_numbers_change_nothing_and_show_nothing_of_theirs()
    {
        await using var bot = await FaultBot.StartAsync(db =>
        {
            People.Manager(db, A, "Иван");
            for (var i = 0; i < Intruders; i++)
            {
                People.Manager(db, B + i, $"Пётр {i}");
            }

            return Task.CompletedTask;
        });

        // A works as usual; every button A is sent is kept.
        foreach (var command in new[]
        {
            $"/client {ClientName}, {Phone}, {Email}", "/deal Ромашка 150к поставка станков", "/call Ромашка обсудили цену",
            "/card Ромашка", "/clients", "/deals", "/today", "/plan Ромашка завтра 15:00 прислать КП", "/forgotten", "/menu",
        })
        {
            await SayAsync(bot, A, command);
        }

        var clientId = await bot.CountAsync("SELECT Id FROM Clients WHERE OwnerUserId = (SELECT Id FROM Users WHERE TelegramId = $a)", ("$a", A));
        var dealId = await bot.CountAsync("SELECT Id FROM Deals WHERE ClientId = $c", ("$c", clientId));
        var buttons = bot.Api.Calls.Where(c => c.ChatId == A).SelectMany(c => CallbackData(c.Body)).Distinct().ToList();
        clientId.Should().BePositive("A's /client created the client");
        // As stored (and so as any reply would show it), whatever the bot made of what A typed.
        var storedName = (string)(await bot.RowsAsync($"SELECT Name FROM Clients WHERE Id = {clientId}")).Single()["Name"]!;
        buttons.Should().NotBeEmpty("A's replies carry buttons to replay");
        var before = await SnapshotAsync(bot, clientId);

        // B replays A's buttons and tries A's numbers and contacts.
        var c = clientId.ToString(CultureInfo.InvariantCulture);
        var d = dealId.ToString(CultureInfo.InvariantCulture);
        var probes = new List<(string What, Func<long, string> Json, string[] Typed)>();
        probes.AddRange(buttons.Select(data => ($"button {data}", (Func<long, string>)(who => Updates.Tap(who, data, messageId: 777)), Array.Empty<string>())));
        probes.AddRange(new[]
        {
            $"/card #c{c}", "/card Ромашка", $"/call #c{c} подделка", "/call Ромашка подделка", $"/deal #c{c} 100к чужая", $"/plan #c{c} завтра 10:00",
            $"/move {d} 2", $"/won {d}", $"/lost {d}", $"/invoice {d} 100к", $"/paid {d} 100к", $"/shipped {d}", $"/deal {d} + станок 2",
            "/clients", "/deals", "/today", "/forgotten", "/report", "/undo",
        }.Select(text => (text, (Func<long, string>)(who => Updates.Text(who, text)), Array.Empty<string>())));
        // The duplicate check, last: B's own new clients then carry nothing of A's that a later probe could show.
        probes.Add(("/client Ромашка", who => Updates.Text(who, "/client Ромашка"), []));
        probes.Add(("/client Ромашкa (Latin a)", who => Updates.Text(who, "/client Ромашкa"), []));
        probes.Add(($"/client Другая, {Phone}", who => Updates.Text(who, $"/client Другая, {Phone}"), [PhoneDigits]));
        probes.Add(($"/client Иная, {Email}", who => Updates.Text(who, $"/client Иная, {Email}"), [Email]));

        var leaks = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentQueue<int>();
        await Task.WhenAll(Enumerable.Range(0, Intruders).Select(n => Task.Run(async () =>
        {
            var intruder = B + n;
            foreach (var (what, build, typed) in probes.Where((_, i) => i % Intruders == n))
            {
                var seen = bot.Api.Calls.Count;
                var json = build(intruder);
                statuses.Enqueue(await bot.PostAsync(json));
                await SettleAsync(bot, intruder);
                var answers = bot.Api.Calls.Skip(seen).Where(call => call.ChatId == intruder || (call.Method == "answerCallbackQuery" && Asked(call, json)));
                foreach (var text in answers.SelectMany(call => Strings(call.Body)))
                {
                    foreach (var marker in new[] { storedName, PhoneDigits, Email }.Except(typed))
                    {
                        var shown = marker == PhoneDigits ? new string(text.Where(char.IsAsciiDigit).ToArray()) : text;
                        if (shown.Contains(marker, StringComparison.OrdinalIgnoreCase))
                        {
                            leaks.Enqueue($"{what} → shows «{marker}»: {Shorten(text)}");
                        }
                    }
                }
            }
        })));

        var after = await SnapshotAsync(bot, clientId);
        var changed = before.Except(after).Concat(after.Except(before)).ToList();
        Figures.Report(output, "6. forged buttons across users", changed.Count == 0 && leaks.Count == 0 && statuses.All(s => s == 200),
            ("A's buttons replayed by B", buttons.Count), ("commands and duplicate checks", probes.Count - buttons.Count),
            ("rows of A's changed", changed.Count), ("replies to B showing A's client", leaks.Count));
        foreach (var line in changed.Take(20).Concat(leaks.Distinct()))
        {
            output.WriteLine("  " + line);
        }

        statuses.Should().AllSatisfy(s => s.Should().Be(200));
        changed.Should().BeEmpty("B's taps and commands change nothing of A's");
        leaks.Should().BeEmpty("no reply to B shows A's client's name, phone or e-mail");
    }

    private static async Task SayAsync(FaultBot bot, long from, string text)
    {
        (await bot.PostAsync(Updates.Text(from, text))).Should().Be(200, text);
        await SettleAsync(bot, from);
    }

    /// <summary>Until everything written to the chat (messages, edits, answers to taps) went out.</summary>
    private static Task SettleAsync(FaultBot bot, long chat) =>
        bot.WaitUntilAsync(async () => await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 0 AND ChatId = $c", ("$c", chat)) == 0,
            TimeSpan.FromSeconds(60), $"the replies to {chat} went out");

    /// <summary>Whether an answer to a tap answers the tap in <paramref name="update"/> (by its callback query id).</summary>
    private static bool Asked(ApiCall call, string update) =>
        JsonNode.Parse(update)?["callback_query"]?["id"]?.GetValue<string>() is { } id && call.Body["callback_query_id"]?.ToString() == id;

    /// <summary>Every row that belongs to A's client (and its deals), as text, in the tables a button could touch.</summary>
    private static async Task<HashSet<string>> SnapshotAsync(FaultBot bot, long clientId)
    {
        var deals = (await bot.RowsAsync($"SELECT Id FROM Deals WHERE ClientId = {clientId}")).Select(r => Convert.ToInt64(r["Id"], CultureInfo.InvariantCulture)).ToHashSet();
        var rows = new HashSet<string>();
        foreach (var table in Tables)
        {
            foreach (var row in await bot.RowsAsync($"SELECT * FROM {table}"))
            {
                bool Is(string column, Func<long, bool> test) => row.TryGetValue(column, out var v) && v is not null && test(Convert.ToInt64(v, CultureInfo.InvariantCulture));
                var ours = table == "Clients" ? Is("Id", id => id == clientId)
                    : table == "Deals" ? Is("Id", deals.Contains) || Is("ClientId", id => id == clientId)
                    : Is("ClientId", id => id == clientId) || Is("DealId", deals.Contains);
                if (ours)
                {
                    rows.Add(table + ": " + string.Join(", ", row.Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}")));
                }
            }
        }

        return rows;
    }

    private static IEnumerable<string> CallbackData(JsonObject body) =>
        body["reply_markup"] is JsonObject { } markup && markup["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()).Select(b => b["callback_data"]?.GetValue<string>()).OfType<string>()
            : [];

    /// <summary>Every string in a request body: texts, captions, button labels, toasts.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
