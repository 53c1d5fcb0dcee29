using System.Diagnostics;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.Pay;
using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Pay;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// DESIGN §10: the daily digest for 100 managers, 200k deals and 1M touches < 1 s; the forgotten-client scan
// over 1M clients < 100 ms. Data is generated straight into a SQLite file (raw inserts, one transaction),
// then the production queries run against it: DigestQueries and ForgottenClients, exactly as the scheduler calls them.
// Outside the test project WebApplicationFactory looks for a src folder next to ChatCrm.sln; the in-process modes name one.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHATCRM_BOT", AppContext.BaseDirectory);

if (args.Contains("--plans"))
{
    // `-- --plans [count] [--paid]`: see MorningPlans (1,000 unless told).
    var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
    await ChatCrm.Benchmarks.MorningPlans.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 1000, args.Contains("--paid"));
    return;
}

if (args.Contains("--start"))
{
    // `-- --start [runs]`: see StartTime.
    var runs = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).FirstOrDefault();
    await ChatCrm.Benchmarks.StartTime.RunAsync(runs > 0 ? runs : 7);
    return;
}

if (args.Contains(ChatCrm.Benchmarks.BareEndpoint.Flag))
{
    // The throughput run's baseline server, started by the benchmark itself as a child process: `--bare-server <url> <file>`.
    var at = Array.IndexOf(args, ChatCrm.Benchmarks.BareEndpoint.Flag);
    await ChatCrm.Benchmarks.BareEndpoint.ServeAsync(args[at + 1], args[at + 2]);
    return;
}

if (args.Contains(ChatCrm.Benchmarks.BareEndpoint.SqlFloorFlag))
{
    // The throughput run's second baseline: the bot's statements by hand, `--sql-floor-server <url> <file>`.
    var at = Array.IndexOf(args, ChatCrm.Benchmarks.BareEndpoint.SqlFloorFlag);
    await ChatCrm.Benchmarks.BareEndpoint.ServeSqlFloorAsync(args[at + 1], args[at + 2]);
    return;
}

if (args.Contains("--throughput") && args.Contains("--postgres"))
{
    // `-- --throughput --postgres [seconds] [concurrent clients] [warm-up seconds]`: issue 11 — see PostgresThroughput.
    var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
    await ChatCrm.Benchmarks.PostgresThroughput.RunAsync(
        numbers.ElementAtOrDefault(0) is > 0 and var s ? s : 20,
        numbers.ElementAtOrDefault(1) is > 0 and var c ? c : 40,
        numbers.ElementAtOrDefault(2) is > 0 and var w ? w : 30);
    return;
}

if (args.Contains("--throughput"))
{
    // `-- --throughput [seconds] [concurrent clients] [warm-up seconds] [--bot-only]`: see Throughput.
    // Telegram itself opens up to 40 connections to a webhook by default.
    var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
    await ChatCrm.Benchmarks.Throughput.RunAsync(
        numbers.ElementAtOrDefault(0) is > 0 and var s ? s : 20,
        numbers.ElementAtOrDefault(1) is > 0 and var c ? c : 40,
        numbers.ElementAtOrDefault(2) is > 0 and var w ? w : 45,
        botOnly: args.Contains("--bot-only"));
    return;
}

if (args.Contains("--import"))
{
    // `-- --import [rows]`: issue 10 — see ImportRun (100,000 rows unless told).
    var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
    await ChatCrm.Benchmarks.ImportRun.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 100_000);
    return;
}

if (args.Contains("--latency"))
{
    // `-- --latency [updates per second] [seconds]`: see ReplyLatency.
    var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
    await ChatCrm.Benchmarks.ReplyLatency.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var r ? r : 20, numbers.ElementAtOrDefault(1) is > 0 and var s ? s : 30);
    return;
}

const int Managers = 100;
const int Clients = 1_000_000;
const int Deals = 200_000;
const int Touches = 1_000_000;
const int Planned = 50_000;
const int Payments = 20_000;
const int Products = 20;
const int Segments = 5;

var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "bench.db");
var now = new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Utc);
var fresh = !File.Exists(file) || args.Contains("--fresh");
if (fresh && File.Exists(file))
{
    SqliteConnection.ClearAllPools();
    File.Delete(file);
}

var builder = new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite($"Data Source={file}");
if (args.Contains("--log"))
{
    // Every SQL command with its time: where a slow figure spends it.
    builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
}

var options = builder.Options;
if (fresh)
{
    var seed = Stopwatch.StartNew();
    await SeedAsync();
    Console.WriteLine($"Generated {Clients:N0} clients, {Deals:N0} deals, {Touches:N0} touches in {seed.Elapsed.TotalSeconds:F0} s ({new FileInfo(file).Length / 1_048_576} MB)");
}
else
{
    Console.WriteLine($"Reusing {file} (pass --fresh to regenerate)");
    // A file generated before the latest migration gets it (e.g. new indexes), as the bot's own start would do.
    await using var db = new ChatCrmDbContext(options);
    var migrate = Stopwatch.StartNew();
    var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
    if (pending.Count > 0)
    {
        await db.Database.MigrateAsync();
        Console.WriteLine($"Applied {string.Join(", ", pending)} in {migrate.Elapsed.TotalSeconds:F0} s");
    }
}

await using (var db = new ChatCrmDbContext(options))
{
    // As housekeeping does hourly: the query planner's statistics (kept in the file).
    var optimize = Stopwatch.StartNew();
    await PlannerStatistics.RefreshAsync(db, CancellationToken.None);
    Console.WriteLine($"PRAGMA optimize in {optimize.ElapsedMilliseconds} ms");
}

if (args.Contains("--dup"))
{
    // `-- --dup`: issue 10 — /client's duplicate check (name, phone, e-mail) at a million clients.
    await ChatCrm.Benchmarks.DuplicateChecks.RunAsync(options);
    return;
}

if (args.Contains("--find"))
{
    // `-- --find`: issue 9 — every way of naming a client is an index range at a million clients. First the start's own
    // backfill builds the search keys of every client that lacks them (all of them, the first time after seeding), then
    // the production lookup (ClientFinder.FindAsync over the visible clients, as a command's argument runs it) for a
    // head, who sees all 1M clients, and for one manager, who sees their own 10,000.
    await using (var db = new ChatCrmDbContext(options))
    {
        var phones = await db.Clients.CountAsync(c => c.Phones != "");
        var emails = await db.Clients.CountAsync(c => c.Emails != "");
        Console.WriteLine($"{phones:N0} clients with a phone, {emails:N0} with an e-mail");
        if (phones == 0)
        {
            Console.WriteLine("The file predates the seeded names, phones and e-mails: run with --fresh.");
            return;
        }

        var fill = Stopwatch.StartNew();
        var built = await ChatCrm.Bot.Hosting.DatabaseInitializer.FillSearchKeysAsync(db, CancellationToken.None);
        fill.Stop();
        Console.WriteLine($"Search keys built for {built:N0} clients in {fill.Elapsed.TotalSeconds:F0} s; {await db.ClientSearchKeys.CountAsync():N0} keys stored");
    }

    // Client 123300 «Ромашка …» (owner: manager user 2) has an e-mail (every third client does) and a phone.
    const long Probe = 123_300;
    const long ProbeOwner = 2 + Probe % Managers;
    Client probe;
    await using (var db = new ChatCrmDbContext(options))
    {
        probe = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == Probe);
    }

    var digits = ChatCrm.Core.Matching.ClientSearchKeys.Digits(probe.PhoneNumbers[0]);
    // The company word follows the owner in the seed (word = id % 100, owner = 2 + id % 100): all 10,000 of manager 2's
    // clients are «Ромашка …», the manager's worst case. The surnames are spread: ~100 of one manager's clients each.
    var word = probe.Name.Split(' ')[0];
    var surname = probe.Name.Split(' ')[1];
    var lookups = new (string Label, string Text)[]
    {
        ("whole word", word),
        ("4-letter prefix", word[..4]),
        ("3-letter prefix", word[..3]),
        ("inflected form", word[..^1] + "е"),
        ("whole surname", surname),
        ("surname's 4-letter prefix", surname[..4]),
        ("inflected surname", surname + "у"),
        ("last 4 phone digits", digits[^4..]),
        ("last 7 phone digits", digits[^7..]),
        ("e-mail", probe.EmailAddresses[0]),
    };
    Console.WriteLine($"Probe: #{probe.Id} «{probe.Name}», {probe.PhoneNumbers[0]}, {probe.EmailAddresses[0]}, owner {ProbeOwner}");
    foreach (var (label, text) in lookups)
    {
        foreach (var manager in new[] { false, true })
        {
            IQueryable<Client> Visible(ChatCrmDbContext db) => manager ? db.Clients.Where(c => c.OwnerUserId == ProbeOwner) : db.Clients;
            string plan;
            await using (var db = new ChatCrmDbContext(options))
            {
                plan = await PlanAsync(db, Visible(db), text);
            }

            await MeasureAsync($"find «{text}» ({label}), {(manager ? "a manager (10k clients)" : "a head (1M clients)")}", async db =>
            {
                var found = await ClientFinder.FindAsync(Visible(db), db.ClientSearchKeys, text, CancellationToken.None);
                return $"{found.Kind}, {found.Options.Count} offered{(found.Options.Any(c => c.Id == Probe) ? ", the probe among them" : "")}";
            });
            await MeasureAsync("    its first key query alone (ClientFinder.ByKey, loading the clients)", async db =>
            {
                var (kind, value, prefix) = FirstKey(text);
                return $"{(await ClientFinder.ByKey(Visible(db), db.ClientSearchKeys, kind, value, prefix).ToListAsync()).Count} clients";
            });
            Console.WriteLine($"    plan of the first key query: {plan}");
        }
    }

    return;

    static (ChatCrm.Core.Matching.ClientKeyKind Kind, string Value, bool Prefix) FirstKey(string text)
    {
        // The first index range FindAsync reads for the text: an e-mail, else a phone tail, else the word's start.
        var search = ChatCrm.Core.Matching.ClientReference.SearchFor(text);
        return search.Email is { } e ? (ChatCrm.Core.Matching.ClientKeyKind.Email, e, false)
            : search.PhoneTails.Count > 0 ? (ChatCrm.Core.Matching.ClientKeyKind.PhoneTail, ChatCrm.Core.Matching.ClientSearchKeys.TailKey(search.PhoneTails[0]), true)
            : (ChatCrm.Core.Matching.ClientKeyKind.Word, search.WordStart!, true);
    }

    static async Task<string> PlanAsync(ChatCrmDbContext db, IQueryable<Client> visible, string text)
    {
        // The first index range FindAsync reads for the text (as ClientFinderQueryPlanTests builds it).
        var (kind, value, prefix) = FirstKey(text);
        var sql = string.Join('\n', ClientFinder.ByKey(visible, db.ClientSearchKeys, kind, value, prefix).ToQueryString().Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return $"{kind} {(prefix ? "starting with" : "=")} '{value}': {string.Join(" / ", lines)}";
    }
}

if (args.Contains("--sql"))
{
    await using var db = new ChatCrmDbContext(options);
    var rules = await ForgottenClients.LoadAsync(db, now, 7, CancellationToken.None);
    Console.WriteLine(rules.Query(db).GroupBy(c => c.OwnerUserId).Select(g => g.Count()).ToQueryString());
    Console.WriteLine("----");
    Console.WriteLine(rules.Of(db, 2).OrderBy(c => c.LastTouchAt ?? c.CreatedAt).Take(10).ToQueryString());
    return;
}

var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));

if (args.Contains("--reports"))
{
    // `-- --reports`: every /report kind company-wide and /payroll's figures for all managers (issue 8: each < 1 s),
    // for this month (2 days into December, as the benchmark's clock stands) and for the whole of last month.
    await using (var check = new ChatCrmDbContext(options))
    {
        if (!await check.DealLines.AnyAsync() || !await check.PaySchemes.AnyAsync())
        {
            Console.WriteLine("The file predates deal lines and the pay scheme: run with --fresh.");
            return;
        }
    }

    // `--only managers` (or `--only payroll`) measures one figure: quicker when looking into one with `--log`.
    var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
    var texts = Texts.For(Language.Ru);
    foreach (var (label, period) in new[] { ("this month", ReportPeriod.MonthOf(today)), ("last month", ReportPeriod.MonthOf(today.AddMonths(-1))) })
    {
        foreach (var report in Reports.All.Where(r => only is null || r.Kind.ToString().Equals(only, StringComparison.OrdinalIgnoreCase)))
        {
            await MeasureAsync($"report {report.Kind}, {label}", async db =>
            {
                var r = await report.BuildAsync(db, new ReportRequest(period, zone, now), texts, CancellationToken.None);
                return $"{r.Tables.Count} tables, {r.Tables.Sum(t => t.Rows.Count)} rows";
            });
        }

        if (only is not null && only != "payroll")
        {
            continue;
        }

        await MeasureAsync($"/payroll figures, 100 managers, {label}", async db =>
        {
            // What ShowPayroll does before it formats the table: the schemes, the managers, each one's payslip.
            var schemes = await PayStore.AllAsync(db, CancellationToken.None);
            var managers = await db.Users.Where(u => u.Role == Role.Manager).OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync();
            var slips = await MonthPay.ForManyAsync(db, schemes, managers, period.First, CancellationToken.None);
            return $"{slips.Count} payslips, {slips.Values.Sum(s => s.Total):N0} in total";
        });
    }

    return;
}

if (args.Contains("--board"))
{
    // `-- --board`: issue 13 — the board's part as its endpoint builds it (query + HTML) for a head, < 300 ms.
    await ChatCrm.Benchmarks.BoardRender.RunAsync(options, now);
    return;
}

if (args.Contains("--export"))
{
    // `-- --export [--month]`: issue 10 — /export deals of all 200,000 deals for a head, as XLSX and as CSV (< 10 s), through
    // the command's own ExportSheets.BuildAsync + ExportFiles.RenderAsync (the query, the temporary file, the bytes loaded
    // for sending); `--month` exports last month's only, a quick check. Peak memory is the process's resident peak.
    await ChatCrm.Benchmarks.ExportDeals.RunAsync(options, zone, args.Contains("--month") ? ReportPeriod.MonthOf(today.AddMonths(-1)) : null);
    return;
}

await MeasureAsync("daily digest (100 managers, 200k deals, 1M touches)", async db =>
{
    var d = await new DigestQueries(db).BuildAsync(DigestPeriods.For(DigestKind.Daily, today, zone, now), 7, CancellationToken.None);
    return $"{d.Managers.Count} managers, {d.Totals.Touches} touches, {d.Totals.Won} won";
});
await MeasureAsync("weekly digest (with the previous week, conversion, forecast, receivables)", async db =>
{
    var d = await new DigestQueries(db).BuildAsync(DigestPeriods.For(DigestKind.Weekly, today, zone, now), 7, CancellationToken.None);
    return $"{d.Totals.Touches} touches, {d.Weekly!.Conversion.Count} stages";
});
await MeasureAsync("forgotten-client scan, one manager's morning (top 10 + count)", async db =>
{
    var rules = await ForgottenClients.LoadAsync(db, now, 7, CancellationToken.None);
    var top = await rules.Of(db, 2).OrderBy(c => c.LastTouchAt ?? c.CreatedAt).Take(10).ToListAsync();
    var count = await rules.Of(db, 2).CountAsync();
    return $"{count} forgotten of {Clients / Managers:N0} clients";
});
await MeasureAsync("forgotten-client scan, whole company (count per manager)", async db =>
{
    var rules = await ForgottenClients.LoadAsync(db, now, 7, CancellationToken.None);
    var perOwner = await rules.Query(db).GroupBy(c => c.OwnerUserId).Select(g => g.Count()).ToListAsync();
    return $"{perOwner.Sum():N0} forgotten of {Clients:N0} clients";
});

async Task MeasureAsync(string name, Func<ChatCrmDbContext, Task<string>> work)
{
    var times = new List<double>();
    var result = "";
    for (var i = 0; i < 6; i++)
    {
        await using var db = new ChatCrmDbContext(options);
        var sw = Stopwatch.StartNew();
        result = await work(db);
        sw.Stop();
        if (i > 0)
        {
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    Console.WriteLine($"{name}: median {times[times.Count / 2]:F0} ms, best {times[0]:F0} ms, worst {times[^1]:F0} ms — {result}");
}

async Task SeedAsync()
{
    await using (var db = new ChatCrmDbContext(options))
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        await db.Database.MigrateAsync();
        var setup = DefaultSetup.For(Language.Ru);
        var cycle = SalesCycle.Create(setup.Cycle.Name, now.AddYears(-1), isDefault: true);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        db.Stages.AddRange(setup.Cycle.Stages.Select(s => Stage.Create(cycle.Id, s.Name, s.Position, s.Probability, s.DaysAllowed)));
        db.WorkTypes.AddRange(setup.WorkTypes.Select(w => WorkType.Create(w.Name, w.Code)));
        db.LostReasons.AddRange(setup.LostReasons.Select(LostReason.Create));
        db.Users.Add(User.Create(1, "Руководитель", Role.Head, "Europe/Moscow", now.AddYears(-1)));
        for (var m = 0; m < Managers; m++)
        {
            db.Users.Add(User.Create(100 + m, $"Менеджер {m:000}", Role.Manager, "Europe/Moscow", now.AddYears(-1)));
        }

        await db.SaveChangesAsync();
        db.Norms.Add(TouchNorm.Create(1, 20, NormPeriod.Day));

        // For the reports and pay (issue 8): segments, a catalogue in four categories, monthly targets and a pay
        // scheme with every kind of rule (per-product and per-segment %, bonus, piece rate, tiers).
        db.Segments.AddRange(Enumerable.Range(1, Segments).Select(i => Segment.Create($"Сегмент {i}")));
        for (var p = 1; p <= Products; p++)
        {
            var product = Product.Create($"Товар {p:00}", 1_000m * p);
            product.SetCategory($"Категория {1 + (p % 4)}");
            db.Products.Add(product);
        }

        for (var m = 0; m < Managers; m++)
        {
            for (var back = 0; back < 6; back++)
            {
                db.Targets.Add(Target.Create(2 + m, now.AddMonths(-back), 5_000_000m));
            }
        }

        db.PaySchemes.Add(PaySchemeVersion.Create(new DateOnly(2026, 1, 1), PayStore.Write(new PayRules
        {
            BaseAmount = 50_000m,
            RevenuePercent = 5m,
            ProductPercents = new Dictionary<long, decimal> { [1] = 7m, [2] = 2m },
            SegmentPercents = new Dictionary<long, decimal> { [3] = 6m },
            WonDealBonus = 1_000m,
            PieceRates = new Dictionary<long, decimal> { [2] = 300m },
            Tiers = [new PayTier(0, 80, 3m), new PayTier(80, 100, 5m), new PayTier(100, null, 7m)],
        }), 1, now));
        await db.SaveChangesAsync();
    }

    var rnd = new Random(42);
    await using var connection = new SqliteConnection($"Data Source={file}");
    await connection.OpenAsync();
    await using var tx = await connection.BeginTransactionAsync();
    string T(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    long Owner(long client) => 2 + client % Managers; // user ids 2..101 are the managers

    // Clients: most are dormant (touched months ago or never), the ones with open deals are worked. Names are a company
    // word and a surname (10,000 pairs, 100 clients each; a word or a surname names 10,000 clients company-wide; the
    // company word follows the owner — all of a manager's clients share one — while a manager has ~100 of each surname);
    // every client has a mobile phone (random, so a 4-digit tail is shared by ~100 clients all over the company) and
    // every third an e-mail, for the client lookups (`--find`). The search keys are left to the start's backfill.
    var contacts = new Random(7);
    await Bulk("INSERT INTO Clients (Name, NameKey, MatchKey, OwnerUserId, CreatedAt, CreatedByUserId, LastTouchAt, Phones, Emails, SegmentId) VALUES ($n, $k, $m, $o, $c, $o, $t, $ph, $em, $sg)",
        Clients, (cmd, i) =>
        {
            var id = i + 1L;
            var name = ClientName(id);
            cmd.Parameters["$n"].Value = name;
            cmd.Parameters["$k"].Value = ChatCrm.Core.Matching.ClientNames.Normalise(name);
            cmd.Parameters["$m"].Value = ChatCrm.Core.Matching.ClientNames.MatchKey(name);
            cmd.Parameters["$ph"].Value = ClientPhone(contacts.Next(1_000_000_000));
            cmd.Parameters["$em"].Value = id % 3 == 0 ? ClientEmail(id) : "";
            cmd.Parameters["$o"].Value = Owner(id);
            cmd.Parameters["$sg"].Value = id % 6 == 0 ? DBNull.Value : 1 + (id % Segments);
            cmd.Parameters["$c"].Value = T(now.AddDays(-400 + rnd.Next(30)));
            cmd.Parameters["$t"].Value = id <= Deals ? T(now.AddHours(-rnd.Next(24 * 20))) : rnd.Next(3) == 0 ? DBNull.Value : T(now.AddDays(-60 - rnd.Next(300)));
        });

    // Deals: one per client for the first 200k clients; 60 % open, 25 % won, 15 % lost, spread over 180 days.
    await Bulk("INSERT INTO Deals (ClientId, CycleId, StageId, Amount, Currency, Title, OwnerUserId, OpenedAt, StageEnteredAt, EnteredStageName, Status, LostReasonId, ClosedAt, ExpectedCloseAt) " +
               "VALUES ($c, 1, $s, $a, 'RUB', $t, $o, $op, $se, 'Этап', $st, $lr, $cl, $ex)", Deals, (cmd, i) =>
    {
        var client = i + 1L;
        var opened = now.AddHours(-rnd.Next(24 * 180));
        var roll = rnd.Next(100);
        var status = roll < 60 ? 0 : roll < 85 ? 1 : 2;
        var closed = status == 0 ? (DateTime?)null : opened.AddHours(rnd.Next(1, Math.Max(2, (int)(now - opened).TotalHours)));
        cmd.Parameters["$c"].Value = client;
        cmd.Parameters["$s"].Value = 1 + rnd.Next(5);
        cmd.Parameters["$a"].Value = 100_00L * rnd.Next(10, 5000);
        cmd.Parameters["$t"].Value = $"Сделка {client}";
        cmd.Parameters["$o"].Value = Owner(client);
        cmd.Parameters["$op"].Value = T(opened);
        cmd.Parameters["$se"].Value = T(opened.AddHours(rnd.Next(0, 24 * 5)));
        cmd.Parameters["$st"].Value = status;
        cmd.Parameters["$lr"].Value = status == 2 ? 1 + rnd.Next(5) : DBNull.Value;
        cmd.Parameters["$cl"].Value = closed is { } c ? T(c) : DBNull.Value;
        cmd.Parameters["$ex"].Value = status == 0 ? T(now.AddDays(rnd.Next(-10, 150))) : DBNull.Value;
    });

    // Product lines: 1–3 per deal over the 20 products (~400k rows); the deal's amount becomes their sum.
    var lines = new List<(long Deal, long Product, int Quantity, long Price)>();
    for (var deal = 1L; deal <= Deals; deal++)
    {
        var count = 1 + rnd.Next(3);
        for (var l = 0; l < count; l++)
        {
            lines.Add((deal, 1 + rnd.Next(Products), 1 + rnd.Next(10), 1_000_00L * rnd.Next(1, 200)));
        }
    }

    await Bulk("INSERT INTO DealLines (DealId, ProductId, Quantity, UnitPrice, Amount, CreatedAt) VALUES ($d, $p, $q, $u, $a, $c)",
        lines.Count, (cmd, i) =>
        {
            var line = lines[i];
            cmd.Parameters["$d"].Value = line.Deal;
            cmd.Parameters["$p"].Value = line.Product;
            cmd.Parameters["$q"].Value = line.Quantity;
            cmd.Parameters["$u"].Value = line.Price;
            cmd.Parameters["$a"].Value = line.Quantity * line.Price;
            cmd.Parameters["$c"].Value = T(now.AddDays(-180));
        });
    await using (var sum = connection.CreateCommand())
    {
        sum.Transaction = (SqliteTransaction)tx;
        sum.CommandText = "UPDATE Deals SET Amount = (SELECT SUM(Amount) FROM DealLines WHERE DealLines.DealId = Deals.Id)";
        await sum.ExecuteNonQueryAsync();

        // The deals were written around the store, which keeps Clients.HasOpenDeal in step: the migration's own fill.
        sum.CommandText = "UPDATE Clients SET HasOpenDeal = 1 WHERE Id IN (SELECT ClientId FROM Deals WHERE Status = 0)";
        await sum.ExecuteNonQueryAsync();
    }

    // Stage history: opened + two moves per deal (600k rows) within the last 180 days.
    await Bulk("INSERT INTO StageChanges (DealId, Kind, FromStageId, ToStageId, ToStageName, ByUserId, At, Amount) VALUES ($d, $k, $f, $to, 'Этап', $o, $at, 100000)",
        Deals * 3, (cmd, i) =>
        {
            var deal = i / 3 + 1L;
            var kind = i % 3 == 0 ? 0 : 1;
            cmd.Parameters["$d"].Value = deal;
            cmd.Parameters["$k"].Value = kind;
            cmd.Parameters["$f"].Value = kind == 0 ? DBNull.Value : 1 + rnd.Next(4);
            cmd.Parameters["$to"].Value = 2 + rnd.Next(4);
            cmd.Parameters["$o"].Value = Owner(deal);
            cmd.Parameters["$at"].Value = T(now.AddHours(-rnd.Next(24 * 180)));
        });

    // 1M touches over the last 90 days, on the worked clients, plus 50k planned contacts around today.
    await Bulk("INSERT INTO Touches (ClientId, WorkTypeId, UserId, Status, HappenedAt, PlannedFor, Note, CreatedAt, CompletedAt) VALUES ($c, $w, $u, $s, $h, $p, '', $h2, $h)",
        Touches + Planned, (cmd, i) =>
        {
            var client = 1L + rnd.Next(Deals);
            var done = i < Touches;
            var at = done ? now.AddMinutes(-rnd.Next(60 * 24 * 90)) : now.AddHours(rnd.Next(-72, 240));
            cmd.Parameters["$c"].Value = client;
            cmd.Parameters["$w"].Value = 1 + rnd.Next(4);
            cmd.Parameters["$u"].Value = Owner(client);
            cmd.Parameters["$s"].Value = done ? 0 : 1;
            cmd.Parameters["$h"].Value = done ? T(at) : DBNull.Value;
            cmd.Parameters["$p"].Value = done ? DBNull.Value : T(at);
            cmd.Parameters["$h2"].Value = T(at);
        });

    await Bulk("INSERT INTO Obligations (DealId, Kind, Amount, DueAt, At, CreatedByUserId, CreatedAt, IsSettled) VALUES ($d, $k, $a, $due, $at, 2, $at2, $set)",
        Payments * 2, (cmd, i) =>
        {
            var expected = i % 2 == 0;
            var at = now.AddHours(-rnd.Next(24 * 120));
            cmd.Parameters["$d"].Value = 1L + rnd.Next(Deals);
            cmd.Parameters["$k"].Value = expected ? 0 : 1;
            cmd.Parameters["$a"].Value = 1000_00L * rnd.Next(1, 500);
            cmd.Parameters["$due"].Value = expected ? T(at.AddDays(14)) : DBNull.Value;
            cmd.Parameters["$at"].Value = expected ? DBNull.Value : T(at);
            cmd.Parameters["$at2"].Value = T(at);
            cmd.Parameters["$set"].Value = expected && rnd.Next(3) > 0 ? 0 : 1;
        });

    // Shipments for the obligations report: 10k expected (by a date, a third still open) and 10k done.
    await Bulk("INSERT INTO Obligations (DealId, Kind, Amount, DueAt, At, CreatedByUserId, CreatedAt, IsSettled) VALUES ($d, $k, NULL, $due, $at, 2, $at2, $set)",
        20_000, (cmd, i) =>
        {
            var expected = i % 2 == 0;
            var at = now.AddHours(-rnd.Next(24 * 120));
            cmd.Parameters["$d"].Value = 1L + rnd.Next(Deals);
            cmd.Parameters["$k"].Value = expected ? (int)ObligationKind.ExpectedShipment : (int)ObligationKind.Shipment;
            cmd.Parameters["$due"].Value = expected ? T(at.AddDays(10)) : DBNull.Value;
            cmd.Parameters["$at"].Value = expected ? DBNull.Value : T(at);
            cmd.Parameters["$at2"].Value = T(at);
            cmd.Parameters["$set"].Value = expected && rnd.Next(3) == 0 ? 0 : 1;
        });

    await tx.CommitAsync();
    await using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE;";
    await analyze.ExecuteNonQueryAsync();

    async Task Bulk(string sql, int rows, Action<SqliteCommand, int> fill)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction)tx;
        cmd.CommandText = sql;
        foreach (System.Text.RegularExpressions.Match p in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z0-9]+"))
        {
            if (!cmd.Parameters.Contains(p.Value))
            {
                cmd.Parameters.Add(new SqliteParameter(p.Value, null));
            }
        }

        cmd.Prepare();
        for (var i = 0; i < rows; i++)
        {
            fill(cmd, i);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

static string ClientName(long id) => $"{ChatCrm.Benchmarks.FindNames.Words[(int)(id % ChatCrm.Benchmarks.FindNames.Words.Length)]} {ChatCrm.Benchmarks.FindNames.Surnames[(int)(id / ChatCrm.Benchmarks.FindNames.Words.Length % ChatCrm.Benchmarks.FindNames.Surnames.Length)]}";

static string ClientPhone(int number) => $"+79{number:000000000}";

static string ClientEmail(long id) => $"client{id}@firm{id % 1000}.ru";
