using System.Globalization;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Faults.Infrastructure;
using Xunit.Abstractions;

namespace ChatCrm.Faults;

/// <summary>
/// Scenario 6: manager B replays every button manager A was sent (the real callback_data, from B's own account), and
/// tries A's client and deal numbers in commands and in the duplicate check. Nothing of A's may change, and no reply
/// to B may show A's client's name, phone or e-mail — except what B typed in that very message.
/// </summary>
[Trait(FaultCategory.Trait, FaultCategory.Name)]
public sealed class ForgedButtonTests(ITestOutputHelper output)
{
    private const long A = 80_001;
    private const long B = 80_002;
    private const string ClientName = "Ромашка ООО";
    private const string Phone = "+7 900 123-45-67";
    private const string PhoneDigits = "9001234567";
    private const string Email = "romashka@example.com";
    private static readonly string[] Tables = ["Clients", "Deals", "Touches", "StageChanges", "DealLines", "Obligations", "ContactPeople", "ClientNudges"];

    [Fact]
    public async Task Another_managers_buttons_and_numbers_change_nothing_and_show_nothing_of_theirs()
    {
        await using var bot = await FaultBot.StartAsync(db =>
        {
            People.Manager(db, A, "Иван");
            People.Manager(db, B, "Пётр");
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
        buttons.Should().NotBeEmpty("A's replies carry buttons to replay");
        var before = await SnapshotAsync(bot, clientId);

        // B replays A's buttons and tries A's numbers and contacts.
        var c = clientId.ToString(CultureInfo.InvariantCulture);
        var d = dealId.ToString(CultureInfo.InvariantCulture);
        var probes = new List<(string What, string Json, string[] Typed)>();
        probes.AddRange(buttons.Select(data => ($"button {data}", Updates.Tap(B, data, messageId: 777), Array.Empty<string>())));
        probes.AddRange(new[]
        {
            $"/card #c{c}", "/card Ромашка", $"/call #c{c} подделка", "/call Ромашка подделка", $"/deal #c{c} 100к чужая", $"/plan #c{c} завтра 10:00",
            $"/move {d} 2", $"/won {d}", $"/lost {d}", $"/invoice {d} 100к", $"/paid {d} 100к", $"/shipped {d}", $"/deal {d} + станок 2",
            "/clients", "/deals", "/today", "/forgotten", "/report", "/undo",
        }.Select(text => (text, Updates.Text(B, text), Array.Empty<string>())));
        // The duplicate check, last: B's own new clients then carry nothing of A's that a later probe could show.
        probes.Add(("/client Ромашка", Updates.Text(B, "/client Ромашка"), []));
        probes.Add(("/client Ромашкa (Latin a)", Updates.Text(B, "/client Ромашкa"), []));
        probes.Add(($"/client Другая, {Phone}", Updates.Text(B, $"/client Другая, {Phone}"), [PhoneDigits]));
        probes.Add(($"/client Иная, {Email}", Updates.Text(B, $"/client Иная, {Email}"), [Email]));

        var leaks = new List<string>();
        var statuses = new List<int>();
        foreach (var (what, json, typed) in probes)
        {
            var seen = bot.Api.Calls.Count;
            statuses.Add(await bot.PostAsync(json));
            await KillTests.Settle(bot, TimeSpan.FromSeconds(60));
            var answers = bot.Api.Calls.Skip(seen).Where(call => call.ChatId == B || call.Method == "answerCallbackQuery").ToList();
            foreach (var text in answers.SelectMany(call => Strings(call.Body)))
            {
                foreach (var marker in new[] { ClientName, PhoneDigits, Email }.Except(typed))
                {
                    var shown = marker == PhoneDigits ? new string(text.Where(char.IsAsciiDigit).ToArray()) : text;
                    if (shown.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        leaks.Add($"{what} → shows «{marker}»: {Shorten(text)}");
                    }
                }
            }
        }

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
        (await KillTests.Settle(bot, TimeSpan.FromSeconds(60))).Should().BeTrue($"the replies to «{text}» went out");
    }

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
