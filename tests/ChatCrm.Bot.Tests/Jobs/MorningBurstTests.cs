using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Tests.Outbox;
using ChatCrm.Core.Domain.Users;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Jobs;

/// <summary>Real seconds: ~36 s of sending at Telegram's pace, so it runs alone with the other timing tests.</summary>
[Collection(nameof(Throttling))]
public sealed class MorningBurstTests
{
    [Fact]
    public async Task A_thousand_morning_plans_go_out_at_the_allowed_rate_without_a_single_429()
    {
        await using var w = await StartAsync();
        await w.ChangeAsync(db =>
        {
            for (var i = 0; i < 1000; i++)
            {
                db.Users.Add(User.Create(700_000 + i, $"Менеджер {i}", Role.Manager, "Europe/Moscow", Joined));
            }

            return Task.CompletedTask;
        });
        w.App.Api.EnforceLimits = true;

        (await w.TickAsync(At("Europe/Moscow", 2026, 11, 30, 9, 0))).Plans.Should().Be(1000);

        await w.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) >= 1000, TimeSpan.FromSeconds(90), "all 1000 plans delivered");
        w.App.Api.Violations.Should().BeEmpty();
        w.App.Api.Calls.Should().NotContain(c => c.Status == 429);
        w.App.Api.Delivered().GroupBy(c => c.ChatId).Should().OnlyContain(g => g.Count() == 1, "one plan each, nothing doubled");
    }
}
