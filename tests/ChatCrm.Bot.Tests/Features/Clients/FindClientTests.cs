using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Clients;

/// <summary>
/// Clients named the way people refer to them: by any word or a unique prefix of the name, an inflected form, the
/// last digits of a phone, an e-mail. It is Thursday 3 December 2026, 12:00 in Moscow (09:00 UTC).
/// </summary>
public sealed class FindClientTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;
    private long _ivanov;
    private long _romashka;
    private long _acme;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
        _ivanId = await _ivan.UserIdAsync();
        _ivanov = await Seed.ClientAsync(_app, "Иванов Петр", _ivanId, Now.AddDays(-30), phone: "+7 900 123-45-67");
        _romashka = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now.AddDays(-30));
        _acme = await Seed.ClientAsync(_app, "Acme Corp", _ivanId, Now.AddDays(-30));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<Touch>> TouchesAsync() => _app.QueryAsync(db => db.Touches.OrderBy(t => t.Id).ToListAsync());

    [Fact]
    public async Task Plan_finds_a_client_by_the_first_word_of_the_name_and_keeps_the_date()
    {
        var reply = await _ivan.LastAsync("/plan Иванов послезавтра в 10");

        reply.Plain.Should().Be("📅 Звонок: Иванов Петр — сб, 5 декабря, 10:00");
        var planned = (await TouchesAsync()).Single();
        planned.ClientId.Should().Be(_ivanov);
        planned.PlannedFor.Should().Be(new DateTime(2026, 12, 5, 7, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_call_finds_a_client_whose_stored_name_carries_a_legal_form()
    {
        await _ivan.SayAsync("/call Acme discussed the price далее завтра 15:00");

        var touches = await TouchesAsync();
        touches.Should().HaveCount(2);
        touches.Should().OnlyContain(t => t.ClientId == _acme);
        touches[0].Note.Should().Be("discussed the price");
    }
}
