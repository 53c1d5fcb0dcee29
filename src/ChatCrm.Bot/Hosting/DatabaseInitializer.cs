using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCrm.Bot.Hosting;

/// <summary>
/// Runs first at start: applies the committed migrations, switches SQLite to WAL, and makes sure every
/// id in Crm:AdminTelegramIds is an active admin (idempotent, so it can run on every start).
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<CrmOptions> crm,
    IOptions<WebAppOptions> web,
    TimeProvider time,
    ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        if (db.Database.IsSqlite())
        {
            // journal_mode is stored in the file, but must be set outside a transaction, before migrating.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }

        // EF Core keeps concurrent migrations apart itself. Instances started together on one PostgreSQL database then
        // take turns: the second finds the first's seed (one sales cycle, one admin row) instead of writing its own or
        // failing on a duplicate key.
        await db.Database.MigrateAsync(ct);
        await using var turn = db.Database.IsNpgsql() ? await StartupTurn.TakeAsync(db.Database.GetConnectionString()!, log, ct) : null;
        await FillMatchKeysAsync(db, ct);
        if (await FillSearchKeysAsync(db, ct) is > 0 and var built)
        {
            log.LogInformation("Built the search keys of {Count} clients", built);
        }

        await SeedProcessAsync(db, ct);
        await EnsureSalesDepartmentAsync(db, ct);
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        await EnsureAdminsAsync(db, outbox, ct);
        await FollowBoardAddressAsync(db, outbox, ct);
    }

    /// <summary>Where the board's menu buttons were last pointed (empty: nowhere), in Settings.</summary>
    internal const string BoardAddressKey = "WebApp:MenuButtonUrl";

    /// <summary>
    /// A menu button carries the board's address, and members get theirs when they join. When the address changes (a
    /// new domain) or goes away, every active member who has a chat with the bot gets the new button, or Telegram's
    /// default, once; otherwise their button would open the old address for good. Sent behind replies (at the
    /// scheduled messages' priority), within a day. A database that never recorded the address records it and sends
    /// nothing: the buttons it gave were the current ones.
    /// </summary>
    private async Task FollowBoardAddressAsync(ChatCrmDbContext db, OutboxWriter outbox, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var current = web.Value.Url ?? "";
        var recorded = await db.Settings.FirstOrDefaultAsync(s => s.Key == BoardAddressKey, ct);
        if (recorded is null)
        {
            db.Settings.Add(Setting.Create(BoardAddressKey, current, null, now));
            await db.SaveChangesAsync(ct);
            return;
        }

        if (recorded.Value == current)
        {
            return;
        }

        var members = await db.Users.AsNoTracking().Where(u => u.IsActive && u.LastSeenAt != null).ToListAsync(ct);
        var sent = 0;
        var menus = new Menus(outbox, () => $"board:{now.Ticks}:{++sent}", web.Value.Url);
        foreach (var member in members)
        {
            menus.RepointButton(member, crm.Value.Language, OutboxMessage.PriorityScheduled, now.AddDays(1));
        }

        log.LogInformation("The board's address is now {Address} (was {Old}): {Count} members get a new menu button",
            current.Length == 0 ? "none" : current, recorded.Value.Length == 0 ? "none" : recorded.Value, members.Count);
        recorded.Change(current, null, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Clients stored before <see cref="Client.MatchKey"/> existed get it (and a fresh <see cref="Client.NameKey"/>)
    /// once, in batches: SQL cannot fold look-alike letters, so the migration leaves the column empty.
    /// </summary>
    private async Task FillMatchKeysAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        const int batch = 1000;
        var filled = 0;
        long after = 0;
        while (true)
        {
            var clients = await db.Clients.Where(c => c.MatchKey == "" && c.Id > after).OrderBy(c => c.Id).Take(batch).ToListAsync(ct);
            if (clients.Count == 0)
            {
                break;
            }

            clients.ForEach(c => c.RefreshKeys());
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            filled += clients.Count;
            after = clients[^1].Id;
        }

        if (filled > 0)
        {
            log.LogInformation("Filled the name match key of {Count} clients", filled);
        }
    }

    /// <summary>
    /// Clients stored before their search keys existed, or with keys an older <see cref="ClientSearchKeys.Version"/>
    /// built, get them once, in batches, found by the indexed version column (the rules live in code, not SQL).
    /// Returns how many clients got them. Static so the benchmark's `--find` times this very backfill.
    /// </summary>
    internal static async Task<int> FillSearchKeysAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        const int batch = 1000;
        var filled = 0;
        long after = 0;
        while (true)
        {
            var clients = await db.Clients.Include(c => c.SearchKeys)
                .Where(c => c.SearchKeysVersion < ClientSearchKeys.Version && c.Id > after)
                .OrderBy(c => c.Id).Take(batch).AsSplitQuery().ToListAsync(ct);
            if (clients.Count == 0)
            {
                break;
            }

            clients.ForEach(c => c.SyncSearchKeys());
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            filled += clients.Count;
            after = clients[^1].Id;
        }

        return filled;
    }

    /// <summary>
    /// A fresh database gets one sales cycle with its stages, the work types and the lost reasons, in
    /// the company's language. They are ordinary rows from then on: admins rename, add and retire them.
    /// </summary>
    private async Task SeedProcessAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        if (await db.Cycles.AnyAsync(ct))
        {
            return;
        }

        var setup = DefaultSetup.For(crm.Value.Language);
        var now = time.GetUtcNow().UtcDateTime;
        var cycle = SalesCycle.Create(setup.Cycle.Name, now, isDefault: true);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        db.Stages.AddRange(setup.Cycle.Stages.Select(s => Stage.Create(cycle.Id, s.Name, s.Position, s.Probability, s.DaysAllowed)));
        if (!await db.WorkTypes.AnyAsync(ct))
        {
            db.WorkTypes.AddRange(setup.WorkTypes.Select(w => WorkType.Create(w.Name, w.Code)));
        }

        if (!await db.LostReasons.AnyAsync(ct))
        {
            db.LostReasons.AddRange(setup.LostReasons.Select(LostReason.Create));
        }

        await db.SaveChangesAsync(ct);
        await SeedScenarioAsync(db, cycle, setup, ct);
        log.LogInformation("Seeded the default sales cycle «{Cycle}» with {Stages} stages", cycle.Name, setup.Cycle.Stages.Count);
    }

    /// <summary>The default cycle's scenario, with the fresh stages: a step whose work type is missing is left out.</summary>
    private static async Task SeedScenarioAsync(ChatCrmDbContext db, SalesCycle cycle, SetupData setup, CancellationToken ct)
    {
        var stages = await db.Stages.Where(s => s.CycleId == cycle.Id).ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var types = await db.WorkTypes.Where(w => !w.IsRetired).ToListAsync(ct);
        foreach (var stage in setup.Scenario.GroupBy(s => s.Stage))
        {
            var position = 0;
            foreach (var step in stage)
            {
                if (stages.TryGetValue(step.Stage, out var stageId) && types.FirstOrDefault(w => w.Code == step.WorkTypeCode) is { } type)
                {
                    db.ScenarioSteps.Add(ScenarioStep.Create(stageId, null, ++position, type.Id, step.WithinDays, step.Required));
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// There is always one sales department — where every user without a department is — named in the company's
    /// language. Checked on every start, so a database made before departments existed gets it on its first upgrade.
    /// </summary>
    private async Task EnsureSalesDepartmentAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        if (await db.Departments.AnyAsync(d => d.IsSales, ct))
        {
            return;
        }

        var name = Core.Messages.Texts.For(crm.Value.Language).DefaultSalesDepartment;
        db.Departments.Add(Department.Create(name, isSales: true));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Added the sales department «{Department}»", name);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Every id in Crm:AdminTelegramIds is an active admin. Someone who was a manager, or switched off, and has a chat
    /// with the bot gets the admin's command menu and the board's button at once: their next message would not send
    /// them, since that happens only on a first visit.
    /// </summary>
    private async Task EnsureAdminsAsync(ChatCrmDbContext db, OutboxWriter outbox, CancellationToken ct)
    {
        var ids = crm.Value.AdminTelegramIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Users.Where(u => ids.Contains(u.TelegramId)).ToDictionaryAsync(u => u.TelegramId, ct);
        foreach (var id in ids)
        {
            if (!existing.TryGetValue(id, out var user))
            {
                db.Users.Add(User.Create(id, "", Role.Admin, crm.Value.DefaultTimeZone, now));
                db.Audit.Add(AuditEntry.Record(null, 0, AuditActions.AdminConfigured, now, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (user.Role != Role.Admin || !user.IsActive)
            {
                db.Audit.Add(AuditEntry.Record(null, 0, AuditActions.AdminConfigured, now, user.DisplayName, $"{user.Role.Code()}/{(user.IsActive ? "active" : "inactive")}", "admin/active"));
                user.ChangeRole(Role.Admin);
                user.Reactivate();
                if (user.LastSeenAt is not null)
                {
                    var key = 0;
                    new Menus(outbox, () => $"start:{now.Ticks}:admin:{user.Id}:{++key}", web.Value.Url).Refresh(user, crm.Value.Language);
                }
            }
        }

        var added = await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            log.LogInformation("Admins from Crm:AdminTelegramIds are in place ({Count} changes)", added);
        }
    }
}

/// <summary>
/// A PostgreSQL session lock held while one instance seeds the database, on a connection of its own outside the pool:
/// disposing it ends the session and with it the lock (as the server does, should the process die holding it).
/// </summary>
internal sealed class StartupTurn : IAsyncDisposable
{
    // Any constant the other users of the database do not pick: "ChatCrm" in ASCII.
    private const long Key = 0x43686174_43726D;
    private readonly NpgsqlConnection _connection;

    private StartupTurn(NpgsqlConnection connection) => _connection = connection;

    public static async Task<StartupTurn> TakeAsync(string connectionString, ILogger log, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection);
            if (await tryLock.ExecuteScalarAsync(ct) is not true)
            {
                log.LogInformation("Another instance is preparing the database; waiting for it");
                await using var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 };
                await wait.ExecuteNonQueryAsync(ct);
            }

            return new StartupTurn(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
