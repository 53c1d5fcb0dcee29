using ChatCrm.Bot.Tests.Features.Pay;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// /payroll, /me's pay lines and a payment with its undo on PostgreSQL give the same hand-computed figures as on
/// SQLite: each test here runs one of <see cref="PayTests"/> whole — same seed, same chat, same assertions — through
/// the real host started on a fresh PostgreSQL database.
/// </summary>
[Postgres]
public sealed class PostgresPayTests
{
    private static async Task OnPostgresAsync(Func<PayTests, Task> test)
    {
        var database = new PostgresDatabase();
        var tests = new PayTests(database.Settings);
        try
        {
            await tests.InitializeAsync();
            (await database.CountAsync("Deals")).Should().Be(4, "the four deals of the fixture are stored on PostgreSQL");
            await test(tests);
        }
        finally
        {
            await tests.DisposeAsync();
            await database.DropAsync();
        }
    }

    [PostgresFact]
    public Task Payroll_for_the_open_month_matches_the_hand_computed_figures_in_text_and_xlsx() =>
        OnPostgresAsync(t => t.Payroll_for_the_open_month_matches_the_hand_computed_figures_in_text_and_xlsx());

    [PostgresFact]
    public Task A_closed_month_keeps_its_scheme_after_the_change() =>
        OnPostgresAsync(t => t.A_closed_month_keeps_its_scheme_after_the_change());

    [PostgresFact]
    public Task Me_shows_the_pay_earned_so_far_line_by_line_and_the_next_tier() =>
        OnPostgresAsync(t => t.Me_shows_the_pay_earned_so_far_line_by_line_and_the_next_tier());

    [PostgresFact]
    public Task A_payment_and_its_undo_change_the_pay_at_once() =>
        OnPostgresAsync(t => t.A_payment_and_its_undo_change_the_pay_at_once());
}
