using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Tests.Pipeline;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// Waiting updates on PostgreSQL: each test here runs one of <see cref="BurstTests"/> whole through the real host on a
/// fresh PostgreSQL database.
/// </summary>
[Postgres]
public sealed class PostgresBurstTests
{
    private static async Task OnPostgresAsync(Func<BurstTests, Task> test)
    {
        var database = new PostgresDatabase();
        var tests = new BurstTests(database.Settings);
        try
        {
            await tests.InitializeAsync();
            await test(tests);
            (await database.CountAsync("Touches")).Should().Be(40, "the burst's calls are stored on PostgreSQL");
        }
        finally
        {
            await tests.DisposeAsync();
            await database.DropAsync();
        }
    }

    [PostgresFact]
    public Task Forty_calls_in_a_burst_all_take_effect_in_order_with_one_note() =>
        OnPostgresAsync(t => t.Forty_calls_in_a_burst_all_get_200_and_all_take_effect_in_order_with_one_note());

    [PostgresFact]
    public Task Updates_still_waiting_when_the_bot_stops_take_effect_after_the_restart() =>
        OnPostgresAsync(t => t.Updates_still_waiting_when_the_bot_stops_take_effect_after_the_restart());
}
