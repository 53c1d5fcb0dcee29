using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Features;

/// <summary>
/// The buttons under reminders, plans and nudges are ordinary routes now. Messages already in people's chats carry
/// the data they were sent with (`sch:&lt;verb&gt;:…`), written out literally here: a tap on them must still work,
/// and a manager must still not act through them on someone else's contacts or clients.
/// </summary>
public sealed class ScheduledButtonsTests : IAsyncLifetime
{
    private const string Moscow = "Europe/Moscow";
    private const string Stale = "Эта кнопка устарела.";
    private static readonly DateTime Monday = At(Moscow, 2026, 11, 30, 9, 0);
    private ScheduleWorld _w = null!;
    private User _ivan = null!;
    private User _petr = null!;

    public async Task InitializeAsync()
    {
        _w = await StartAsync();
        _ivan = await _w.UserAsync(3001, Role.Manager, Moscow, name: "Иван");
        _petr = await _w.UserAsync(3002, Role.Manager, Moscow, name: "Пётр");
        _w.Clock.SetUtcNow(Monday);
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private Task<Touch> TouchAsync(long id) => _w.DbAsync(db => db.Touches.SingleAsync(a => a.Id == id));

    private IEnumerable<string?> Toasts() =>
        _w.App.Api.Calls.Where(c => c.Method == "answerCallbackQuery").Select(c => c.Body["text"]?.ToString());

    private async Task<Client> ClientWithDealAsync(string name, long ownerId)
    {
        var client = await _w.ClientAsync(name, ownerId);
        await _w.DealAsync(client, 100_000, Monday.AddDays(-40));
        return client;
    }

    [Fact]
    public async Task Old_buttons_under_a_reminder_and_a_plan_still_postpone_move_and_mark_done()
    {
        var client = await _w.ClientAsync("Ромашка", _ivan.Id);
        var call = await _w.PlanAsync(client, _ivan.Id, At(Moscow, 2026, 11, 30, 15, 0));
        var meeting = await _w.PlanAsync(client, _ivan.Id, At(Moscow, 2026, 11, 30, 17, 0));

        await _w.TapAsync(_ivan.TelegramId, $"sch:later:{call.Id}:h");
        (await TouchAsync(call.Id)).PlannedFor.Should().Be(Monday.AddHours(1));
        await _w.TapAsync(_ivan.TelegramId, $"sch:move:{call.Id}:3");
        (await TouchAsync(call.Id)).PlannedFor.Should().Be(At(Moscow, 2026, 12, 3, 10, 0), "the contact keeps its time of day");
        await _w.TapAsync(_ivan.TelegramId, $"sch:done:{call.Id}");
        (await TouchAsync(call.Id)).Status.Should().Be(TouchStatus.Done);

        await _w.TapAsync(_ivan.TelegramId, $"sch:later:{meeting.Id}:d:p");
        (await TouchAsync(meeting.Id)).PlannedFor.Should().Be(At(Moscow, 2026, 12, 1, 17, 0));
        await _w.TapAsync(_ivan.TelegramId, $"sch:done:{meeting.Id}:p");
        (await TouchAsync(meeting.Id)).Status.Should().Be(TouchStatus.Done);

        Toasts().Should().NotContain(Stale);
    }

    [Fact]
    public async Task Old_buttons_under_a_nudge_still_log_plan_snooze_lose_and_hand_over()
    {
        var client = await ClientWithDealAsync("Ромашка", _ivan.Id);
        var price = await _w.DbAsync(db => db.LostReasons.SingleAsync(r => r.Name == "Цена"));

        await _w.TapAsync(_ivan.TelegramId, $"sch:call:{client.Id}");
        await _w.TapAsync(_ivan.TelegramId, $"sch:plan:{client.Id}:3");
        await _w.TapAsync(_ivan.TelegramId, $"sch:snooze:{client.Id}:{(int)SnoozeReason.Seasonal}:14");
        await _w.TapAsync(_ivan.TelegramId, $"sch:lost:{client.Id}:{price.Id}");
        await _w.TapAsync(_ivan.TelegramId, $"sch:hand:{client.Id}:{_petr.Id}");

        var touches = await _w.DbAsync(db => db.Touches.Where(a => a.ClientId == client.Id).ToListAsync());
        touches.Should().ContainSingle(a => a.Status == TouchStatus.Done && a.HappenedAt == Monday);
        touches.Should().ContainSingle(a => a.Status == TouchStatus.Planned).Which.PlannedFor.Should().Be(At(Moscow, 2026, 12, 3, 10, 0));
        var streak = await _w.DbAsync(db => db.ClientNudges.SingleAsync(n => n.ClientId == client.Id));
        streak.SnoozeReason.Should().Be(SnoozeReason.Seasonal);
        streak.SnoozedUntil.Should().Be(At(Moscow, 2026, 12, 14, 0, 0));
        (await _w.DbAsync(db => db.Deals.SingleAsync(d => d.ClientId == client.Id))).LostReasonId.Should().Be(price.Id);
        (await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Id == client.Id))).OwnerUserId.Should().Be(_petr.Id);
        Toasts().Should().NotContain(Stale);
    }

    [Fact]
    public async Task An_old_button_with_an_unknown_verb_or_without_an_id_is_answered_as_stale()
    {
        await _w.TapAsync(_ivan.TelegramId, "sch:frobnicate:1");
        await _w.TapAsync(_ivan.TelegramId, "sch:done");
        await _w.TapAsync(_ivan.TelegramId, "sch");

        Toasts().Should().HaveCount(3).And.OnlyContain(t => t == Stale);
    }

    [Fact]
    public async Task A_manager_tapping_another_managers_reminder_plan_or_nudge_buttons_is_refused_and_nothing_changes()
    {
        var client = await ClientWithDealAsync("Ромашка", _ivan.Id);
        var call = await _w.PlanAsync(client, _ivan.Id, At(Moscow, 2026, 11, 30, 15, 0));
        var price = await _w.DbAsync(db => db.LostReasons.SingleAsync(r => r.Name == "Цена"));
        string[] taps =
        [
            $"sch:done:{call.Id}", $"sch:done:{call.Id}:p", $"sch:later:{call.Id}:h", $"sch:later:{call.Id}:d:p",
            $"sch:move:{call.Id}", $"sch:move:{call.Id}:3",
            $"sch:plan:{client.Id}:3", $"sch:snooze:{client.Id}:{(int)SnoozeReason.Seasonal}:14", $"sch:lost:{client.Id}:{price.Id}",
        ];

        foreach (var data in taps)
        {
            await _w.TapAsync(_petr.TelegramId, data);
        }

        var touch = await TouchAsync(call.Id);
        touch.Status.Should().Be(TouchStatus.Planned);
        touch.PlannedFor.Should().Be(At(Moscow, 2026, 11, 30, 15, 0));
        (await _w.DbAsync(db => db.Touches.CountAsync(a => a.ClientId == client.Id))).Should().Be(1);
        (await _w.DbAsync(db => db.ClientNudges.AnyAsync(n => n.ClientId == client.Id))).Should().BeFalse();
        (await _w.DbAsync(db => db.Deals.SingleAsync(d => d.ClientId == client.Id))).Status.Should().Be(DealStatus.Open);
        Toasts().Should().HaveCount(taps.Length).And.OnlyContain(t => t == Stale, "each refused tap is explained");
        _w.App.Api.Calls.Should().NotContain(c => c.Method == "sendMessage" && c.ChatId == _petr.ChatId, "nothing about Ivan's client is shown to Piotr");
    }
}
