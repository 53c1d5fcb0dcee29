using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// move-data: a team's SQLite database copied into an empty PostgreSQL one — refused when the target has rows, whole
/// again after a failed run, verified table by table — and the bot then started on PostgreSQL shows the same cards
/// and goes on numbering after the copied rows.
/// </summary>
[Postgres]
public sealed class PostgresMoveDataTests
{
    [PostgresFact]
    public async Task A_sqlite_team_moves_to_postgres_and_carries_on_there()
    {
        var database = new PostgresDatabase();
        var connection = database.Settings["ConnectionStrings:ChatCrm"]!;
        try
        {
            string card;
            await using (var sqlite = await ChatCrmApp.StartAsync())
            {
                var admin = Chat.Admin(sqlite);
                await Chat.JoinAsync(sqlite, 3001, "manager", "Борис");
                (await admin.LastAsync("/client Ромашка +79161234567")).Text.Should().Contain("Ромашка");
                (await admin.LastAsync("/deal Ромашка станки 150к")).Text.Should().Contain("150 000");
                (await admin.LastAsync("/call Ромашка обсудили поставку")).Text.Should().Contain("Ромашка");
                card = (await admin.LastAsync("/card Ромашка")).Text;

                // The guide moves a stopped bot; this one is still up, so let it finish recording its last send first
                // (a row marked sent between the copy and the check would differ, as it should).
                for (var i = 0; i < 100 && await sqlite.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending)) > 0; i++)
                {
                    await Task.Delay(50);
                }

                // A run that fails half-way (here: its output breaks at the deals) leaves the target empty.
                var failing = () => MoveAsync(sqlite.DatabasePath, connection, new BreaksAt("Deals:"));
                await failing.Should().ThrowAsync<IOException>();
                (await database.CountAsync("Clients")).Should().Be(0, "the copy is one transaction");

                var output = new StringWriter();
                (await MoveAsync(sqlite.DatabasePath, connection, output)).Should().BeTrue(output.ToString());
                output.ToString().Should().Contain("ok  Deals: 1 → 1 rows").And.Contain("ok  Touches: 1 → 1 rows").And.Contain("Done: ");
                output.ToString().Should().NotContain("DIFFERS");

                var again = new StringWriter();
                (await MoveAsync(sqlite.DatabasePath, connection, again)).Should().BeFalse();
                again.ToString().Should().Contain("Refused: the target database is not empty");
                (await database.CountAsync("Clients")).Should().Be(1, "a refused run adds nothing");
            }

            await using var postgres = await ChatCrmApp.StartAsync(settings: database.Settings);
            var adminThere = Chat.Admin(postgres);
            Timeless((await adminThere.LastAsync("/card Ромашка")).Text).Should().Be(Timeless(card));
            (await adminThere.LastAsync("/client Лютик +79031112233")).Text.Should().Contain("Лютик");
            (await database.CountAsync("Clients")).Should().Be(2, "the identity sequence went past the copied keys");
            (await adminThere.LastAsync("/deal Лютик фрезы 90к")).Text.Should().Contain("#2");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await database.DropAsync();
        }
    }

    /// <summary>The card without «5 секунд назад» / «сейчас», which move on with the clock.</summary>
    private static string Timeless(string card) => System.Text.RegularExpressions.Regex.Replace(card, @"(\d+ )?[а-я]+ назад|сейчас", "…");

    private static async Task<bool> MoveAsync(string sqlitePath, string postgres, TextWriter output)
    {
        await using var source = new ChatCrmDbContext(new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite($"Data Source={sqlitePath}").Options);
        await using var target = new PostgresChatCrmDbContext(new DbContextOptionsBuilder<PostgresChatCrmDbContext>().UseNpgsql(postgres).Options);
        return await new MoveData(source, target, output).MoveAsync(CancellationToken.None);
    }

    /// <summary>An output that fails when a line with <paramref name="marker"/> is written: a run breaking mid-copy.</summary>
    private sealed class BreaksAt(string marker) : StringWriter
    {
        public override Task WriteLineAsync(string? value) =>
            value?.Contains(marker, StringComparison.Ordinal) == true ? throw new IOException("the run broke") : base.WriteLineAsync(value);
    }
}
