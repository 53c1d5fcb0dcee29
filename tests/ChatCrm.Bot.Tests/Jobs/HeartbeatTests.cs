using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Jobs;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task Quartz_beats_and_the_plan_goes_out_without_anyone_calling_the_tick()
    {
        await using var w = await StartAsync(new Dictionary<string, string?> { ["Schedule:Heartbeat"] = "* * * * * ?" });
        var manager = await w.UserAsync(3001, Role.Manager, "Europe/Moscow");
        w.Clock.SetUtcNow(At("Europe/Moscow", 2026, 11, 30, 9, 0));

        var delivered = await w.App.Api.WaitForMessagesAsync(manager.ChatId, 1, TimeSpan.FromSeconds(15));

        delivered[0].Text.Should().Contain("План на 30 ноября");
        (await w.KeysAsync(manager.ChatId)).Should().Equal(MorningRound.PlanKey(manager.Id, new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public async Task A_heartbeat_that_is_not_a_cron_expression_stops_the_start_with_one_clear_sentence()
    {
        // The host itself, not WebApplicationFactory: when a start fails, the factory sometimes reports its own
        // ObjectDisposedException instead of the host's error, which is what an operator reads.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["ConnectionStrings:ChatCrm"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"chatcrm-heartbeat-{Guid.NewGuid():N}.db")}",
            ["Schedule:Heartbeat"] = "every minute",
        });
        builder.AddChatCrm();
        await using var app = builder.Build();

        Func<Task> start = () => app.StartAsync();

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("Schedule:Heartbeat 'every minute' is not a Quartz cron expression");
    }
}
