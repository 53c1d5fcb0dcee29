using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.FreeText;

/// <summary>
/// A message without a command becomes proposed actions, done on one tap. It is Wednesday 2 December 2026, 12:00 in
/// Moscow (09:00 UTC); Ivan (Russian) and John (English) work in Europe/Moscow.
/// </summary>
public sealed class FreeTextTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FridayAt11 = new(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
        await Seed.ClientAsync(_app, "Ромашка", await _ivan.UserIdAsync(), Now.AddDays(-30));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<Touch>> TouchesAsync() => _app.QueryAsync(db => db.Touches.OrderBy(t => t.Id).ToListAsync());

    private Task<List<string>> WorkTypesAsync() => _app.QueryAsync(db => db.Touches.OrderBy(t => t.Id)
        .Select(t => db.WorkTypes.Where(w => w.Id == t.WorkTypeId).Select(w => w.Code).First()).ToListAsync());

    /// <summary>
    /// Waits for the "out of date" toast after <paramref name="seen"/> answers had come: the answer to an earlier tap
    /// may still be on its way when the stale tap is sent, so the newest answer alone proves nothing.
    /// </summary>
    private async Task StaleToastAsync(int seen)
    {
        const string stale = "Эта кнопка устарела.";
        var calls = await _app.Api.WaitForAsync(
            c => c.Where(x => x.Method == "answerCallbackQuery").Skip(seen).Any(x => x.Body["text"]?.ToString() == stale),
            because: "the stale tap is answered with «" + stale + "»");
        calls.Where(x => x.Method == "answerCallbackQuery").Skip(seen).Should().Contain(x => x.Body["text"] != null && x.Body["text"]!.ToString() == stale);
    }

    private int Answers() => _app.Api.Calls.Count(c => c.Method == "answerCallbackQuery");

    [Fact]
    public async Task A_call_and_a_demo_typed_in_words_are_proposed_and_done_on_one_tap()
    {
        var proposal = await _ivan.LastAsync("Позвонил в Ромашка, обсудили цену, договорились о демо в пятницу в 11");

        proposal.Text.Should().Be("🤖 Понял так (пока ничего не записал):\n✅ Звонок: <b>Ромашка</b> — «обсудили цену»\n" +
                                  "📅 План — Демо: <b>Ромашка</b>, пт, 4 декабря, 11:00");
        proposal.Labels.Should().Equal("✅ Записать", "✏️ Изменить", "✖️ Отмена");
        proposal.CallbackData.Should().OnlyContain(d => d.Length <= 64);
        (await TouchesAsync()).Should().BeEmpty("nothing is written before the tap");

        var done = await _ivan.TapAsync(proposal.Button("Записать"));

        done[0].Redrawn.Should().BeTrue();
        done[0].Text.Should().Contain("<code>/call Ромашка обсудили цену</code>").And.Contain("<code>/plan Ромашка демо 04.12.2026 11:00</code>");
        done.Should().Contain(s => s.Text.Contains("Демо", StringComparison.Ordinal) && s.Text.Contains("Ромашка", StringComparison.Ordinal));
        // The demo is planned before the call is logged, so the call's reply names it rather than asking for a next contact.
        done[^1].Text.Should().StartWith("✅ Звонок: Ромашка").And.Contain("Следующий контакт уже в плане: пт, 4 декабря, 11:00")
            .And.NotContain("Когда");
        var touches = await TouchesAsync();
        touches.Should().HaveCount(2);
        var call = touches.Single(t => t.Status == TouchStatus.Done);
        call.Note.Should().Be("обсудили цену");
        var demo = touches.Single(t => t.Status == TouchStatus.Planned);
        demo.PlannedFor.Should().Be(FridayAt11, "the call logged after it does not close a plan for a later day");
        (await WorkTypesAsync()).Should().Equal("demo", "call");

        var seen = Answers();
        await _ivan.TapUntilAnsweredAsync(proposal.Button("Записать"));
        await StaleToastAsync(seen);
        (await TouchesAsync()).Should().HaveCount(2, "a second tap does not do it twice");
    }

    [Fact]
    public async Task Edit_shows_the_commands_to_copy_and_runs_one_of_them_alone()
    {
        var proposal = await _ivan.LastAsync("Позвонил в Ромашка, договорились о демо в пятницу в 11");

        var edit = (await _ivan.TapAsync(proposal.Button("Изменить"))).Single();

        edit.Redrawn.Should().BeTrue();
        edit.Text.Should().Contain("<code>/call Ромашка</code>").And.Contain("<code>/plan Ромашка демо 04.12.2026 11:00</code>");
        edit.Labels.Should().Equal("▶ /call Ромашка", "▶ /plan Ромашка демо 04.12.2026 11:00", "✖️ Отмена");

        var planned = await _ivan.TapAsync(edit.Button("/plan"));

        planned[0].Labels.Should().Equal("▶ /call Ромашка", "✖️ Отмена");
        var touch = (await TouchesAsync()).Single();
        touch.Status.Should().Be(TouchStatus.Planned);
        touch.PlannedFor.Should().Be(FridayAt11);
    }

    [Fact]
    public async Task Text_that_reads_as_no_action_keeps_the_usual_answer_and_leaves_a_waiting_proposal_alone()
    {
        var proposal = await _ivan.LastAsync("Позвонил Ромашка");

        var usual = await _ivan.LastAsync("Ромашка хороший клиент");

        usual.Text.Should().Be("Я понимаю команды — например /help. Фото и стикеры пока не сохраняю.");
        usual.Labels.Should().Equal("📋 /menu");
        await _ivan.TapAsync(proposal.Button("Записать"));
        (await TouchesAsync()).Should().ContainSingle(t => t.Status == TouchStatus.Done);
    }

    [Fact]
    public async Task A_proposal_replaced_by_a_command_or_expired_is_stale_and_does_nothing()
    {
        var first = await _ivan.LastAsync("Позвонил Ромашка, перезвонить в пятницу в 11");
        await _ivan.SayAsync("/today");

        var seen = Answers();
        await _ivan.TapUntilAnsweredAsync(first.Button("Записать"));

        await StaleToastAsync(seen);
        var second = await _ivan.LastAsync("Позвонил Ромашка, перезвонить в пятницу в 11");
        _clock.Advance(TimeSpan.FromMinutes(16));
        seen = Answers();
        await _ivan.TapUntilAnsweredAsync(second.Button("Записать"));
        await StaleToastAsync(seen);
        (await TouchesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_english_manager_gets_the_proposal_in_english_and_the_follow_up_rides_on_the_call()
    {
        var john = await Chat.JoinAsync(_app, 3003, name: "John", language: "en");
        await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now.AddDays(-30));

        var proposal = await john.LastAsync("Called Acme, sending the proposal, follow up next Tue");

        proposal.Text.Should().StartWith("🤖 Here is what I read (nothing saved yet):\n✅ ").And.Contain("<b>Acme</b> — “sending the proposal”")
            .And.Contain("📅 Plan — ").And.Contain("Tue, 8 Dec");
        proposal.Labels.Should().Equal("✅ Save", "✏️ Edit", "✖️ Cancel");

        await john.TapAsync(proposal.Button("Save"));

        var touches = await TouchesAsync();
        touches.Should().HaveCount(2);
        touches[0].Note.Should().Be("sending the proposal");
        touches[1].Status.Should().Be(TouchStatus.Planned);
        touches[1].PlannedFor!.Value.Date.Should().Be(new DateTime(2026, 12, 8));
    }

    [Fact]
    public async Task Actions_without_a_known_client_are_shown_as_commands_to_complete()
    {
        var said = await _ivan.LastAsync("Позвонил, договорились о демо в пятницу в 11");

        said.Text.Should().Contain("Не понял, с каким клиентом").And.Contain("<code>/call Клиент</code>")
            .And.Contain("<code>/plan Клиент демо 04.12.2026 11:00</code>");
        said.Buttons.Should().BeEmpty();
    }
}
