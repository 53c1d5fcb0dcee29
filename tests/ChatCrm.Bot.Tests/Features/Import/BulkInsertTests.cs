using System.Data.Common;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>
/// The import's writer puts rows in many to a statement (<see cref="BulkInsert"/>), bypassing SaveChanges. Every
/// other command reads, sorts and compares those rows with SQL, so they must be stored exactly as EF stores the same
/// values: a date written as other text would sort wrongly in every "last touch" list. The same rows are written both
/// ways and compared column by column, value and storage type.
/// </summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public Task Rows_written_in_bulk_are_stored_exactly_as_ef_stores_them() => SameAsEfAsync(_app);

    /// <summary>A client with everything set, its deal and the deal's opening, written by EF and in bulk; the PostgreSQL tests run it too.</summary>
    internal static async Task SameAsEfAsync(ChatCrmApp app)
    {
        var owner = await Seed.UserAsync(app, 7001, Core.Domain.Users.Role.Manager, new DateTime(2026, 11, 2, 8, 30, 15, DateTimeKind.Utc));
        var segment = await Seed.SegmentAsync(app, "Опт");
        var at = new DateTime(2026, 12, 3, 9, 15, 42, 123, DateTimeKind.Utc);

        var ids = await app.QueryAsync(async db =>
        {
            var cycle = await db.Cycles.FirstAsync(c => c.IsDefault);
            var stage = await db.Stages.Where(s => s.CycleId == cycle.Id).OrderBy(s => s.Position).FirstAsync();
            var opt = await db.Segments.SingleAsync(s => s.Id == segment);
            (Client, Deal, StageChange) Make(string name)
            {
                var client = Client.Create(name, owner.Id, at, owner.Id);
                client.AddPhone("+7 900 123-45-67");
                client.AddEmail("o'brien@example.com");
                client.SetCity("Нижний Новгород");
                client.SetNote("кавычки ' и \" и перевод\nстроки");
                client.SetSegment(opt);
                client.RecordTouch(at.AddDays(-3));
                client.SyncSearchKeys();
                var (deal, opened) = Deal.Open(client, cycle, stage, 1_234_567.89m, "RUB", "Поставка «Лето»", owner.Id, at, owner.Id);
                return (client, deal, opened);
            }

            var (efClient, efDeal, efOpened) = Make("Ромашка");
            db.Clients.Add(efClient);
            await db.SaveChangesAsync();
            var (bulkClient, bulkDeal, bulkOpened) = Make("Ромашка");
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, [bulkClient], CancellationToken.None);
            await BulkInsert.InsertAsync(db, [.. bulkClient.SearchKeys], CancellationToken.None);
            (efDeal, efOpened) = Deal.Open(efClient, cycle, stage, 1_234_567.89m, "RUB", "Поставка «Лето»", owner.Id, at, owner.Id);
            (bulkDeal, bulkOpened) = Deal.Open(bulkClient, cycle, stage, 1_234_567.89m, "RUB", "Поставка «Лето»", owner.Id, at, owner.Id);
            await BulkInsert.InsertAsync(db, [bulkDeal], CancellationToken.None);
            await BulkInsert.InsertAsync(db, [bulkOpened], CancellationToken.None);
            await transaction.CommitAsync();
            db.Deals.Add(efDeal);
            db.StageChanges.Add(efOpened);
            await db.SaveChangesAsync();
            return (Ef: (efClient.Id, efDeal.Id, efOpened.Id), Bulk: (bulkClient.Id, bulkDeal.Id, bulkOpened.Id));
        });

        var (ef, bulk) = ids;
        bulk.Item1.Should().BeGreaterThan(ef.Item1, "a bulk row takes an id after the table's last");
        await app.QueryAsync(async db =>
        {
            (await RowAsync(db, "Clients", bulk.Item1)).Should().Equal(await RowAsync(db, "Clients", ef.Item1), "the client is stored as EF stores it");
            (await RowAsync(db, "Deals", bulk.Item2, "ClientId")).Should().Equal(await RowAsync(db, "Deals", ef.Item2, "ClientId"), "the deal too");
            (await RowAsync(db, "StageChanges", bulk.Item3, "DealId")).Should().Equal(await RowAsync(db, "StageChanges", ef.Item3, "DealId"), "and its opening");
            (await db.StageChanges.SingleAsync(c => c.Id == bulk.Item3)).DealId.Should().Be(bulk.Item2, "the opening points at its deal");
            (await db.ClientSearchKeys.Where(k => k.ClientId == bulk.Item1).Select(k => k.Value).OrderBy(v => v).ToListAsync())
                .Should().Equal(await db.ClientSearchKeys.Where(k => k.ClientId == ef.Item1).Select(k => k.Value).OrderBy(v => v).ToListAsync(), "found by the same keys");
            var read = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == bulk.Item1);
            (read.CreatedAt, read.CreatedAt.Kind, read.LastTouchAt).Should().Be((at, DateTimeKind.Utc, (DateTime?)at.AddDays(-3)));
            return 0;
        });
    }

    /// <summary>A row's columns as the database gives them (value and its .NET type, so SQLite's storage class shows), without its id and the named references.</summary>
    private static async Task<List<string>> RowAsync(ChatCrmDbContext db, string table, long id, params string[] skip)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"Id\" = {id}";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        return [.. Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) != "Id" && !skip.Contains(reader.GetName(i)))
            .Select(i => $"{reader.GetName(i)}={reader.GetValue(i)} ({reader.GetFieldType(i).Name}/{reader.GetValue(i).GetType().Name})")];
    }
}
