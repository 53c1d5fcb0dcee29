using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// Runs a confirmed import batch by batch. Each batch is one transaction that saves its clients (with their search
/// keys, persons and deals), its rejected rows and the import's progress (<see cref="ClientImport.RowsDone"/> and the
/// counters) together, so a restart goes on after the last committed batch and never writes a row twice. A batch looks
/// its rows' phones, e-mails and name words up in one query per kind (<see cref="ImportLookup"/>), writes its new rows
/// many to a statement (<see cref="BulkInsert"/>) and saves the merged clients and its progress with one SaveChanges.
/// </summary>
public sealed class ImportRun(IServiceScopeFactory scopes, TimeProvider time, IOptions<ImportOptions> options, IOptions<CrmOptions> crm,
    ILogger<ImportRun> log)
{
    public const string AuditAction = "clients.imported";
    public const string StoppedAuditAction = "clients.import_stopped";

    // The file read once per run, and the keys of the rows before the next batch (the in-file repeat check).
    private readonly ConcurrentDictionary<long, RunState> _states = new();

    /// <summary>The running imports, oldest first.</summary>
    public async Task<IReadOnlyList<long>> RunningAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        return await db.Imports.Where(i => i.Status == ImportStatus.Running).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
    }

    /// <summary>Imports the next batch of <paramref name="importId"/>, or finishes it with the report; false when nothing is left to do.</summary>
    public async Task<bool> RunBatchAsync(long importId, CancellationToken ct)
    {
        try
        {
            return await RunAsync(importId, ct);
        }
        catch
        {
            // The keys the failed batch added are not in the database: read the file again next time.
            _states.TryRemove(importId, out _);
            throw;
        }
    }

    private async Task<bool> RunAsync(long importId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        var import = await ImportFile.LoadWithoutFileAsync(db, importId, ct);
        if (import is not { Status: ImportStatus.Running })
        {
            _states.TryRemove(importId, out _);
            return false;
        }

        var importer = await db.Users.AsNoTracking().SingleAsync(u => u.Id == import.UserId, ct);
        var texts = Texts.For(importer.LanguageOr(crm.Value.Language));
        var state = await StateAsync(db, import, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (import.RowsDone >= import.RowsTotal)
        {
            await FinishAsync(db, outbox, import, importer, texts, state, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            _states.TryRemove(importId, out _);
            return false;
        }

        var laps = new Laps();
        var slice = state.Take(options.Value.BatchSize);
        var start = import.RowsDone;
        var end = start + slice.Count;
        laps.Lap("read");
        var batch = new Batch(db, import, importer, texts, ImportChoices.Read(import.Choices), now, crm.Value.Currency);
        await batch.WriteAsync(state, slice, laps, ct);
        // A file that changed under the import (it cannot: it is kept) would otherwise never finish.
        import.RowsDone = slice.Count == 0 ? import.RowsTotal : end;
        if (state.Watch.Elapsed >= options.Value.ProgressEvery)
        {
            await ShowProgressAsync(db, outbox, import, texts, ct);
            state.Watch.Restart();
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        laps.Lap("save");
        log.LogDebug("Import {Import}: rows {From}–{To} in {Laps}", import.Id, start + 1, end, laps);
        state.Next = import.RowsDone;
        return true;
    }

    /// <summary>
    /// Stops an import whose batch keeps failing: what was committed stays, the head is told how far it got and what to
    /// do, and the stop is audited.
    /// </summary>
    public async Task StopAsync(long importId, CancellationToken ct)
    {
        _states.TryRemove(importId, out _);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        var import = await ImportFile.LoadWithoutFileAsync(db, importId, ct);
        if (import is not { Status: ImportStatus.Running })
        {
            return;
        }

        var importer = await db.Users.AsNoTracking().SingleAsync(u => u.Id == import.UserId, ct);
        var texts = Texts.For(importer.LanguageOr(crm.Value.Language));
        var now = time.GetUtcNow().UtcDateTime;
        import.Status = ImportStatus.Failed;
        import.FinishedAt = now;
        outbox.Message(import.ChatId, new Reply(texts.ImportStopped(import.RowsDone, import.RowsTotal, import.Created, import.Merged)),
            string.Create(CultureInfo.InvariantCulture, $"import:{import.Id}:stopped"));
        db.Audit.Add(AuditEntry.Record(importer.Id, importer.TelegramId, StoppedAuditAction, now, import.FileName, null,
            string.Create(CultureInfo.InvariantCulture,
                $"rows {import.RowsDone} of {import.RowsTotal}; created {import.Created}; merged {import.Merged}; skipped {import.Skipped}; rejected {import.Rejected}")));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<SpreadsheetFiles.SheetReader> OpenAsync(ChatCrmDbContext db, ClientImport import, CancellationToken ct) =>
        SpreadsheetFiles.Open(await ImportFile.ContentAsync(db, import.Id, ct), import.FileName);

    /// <summary>
    /// The run's place in the file: the same reader from batch to batch while the run goes on; after a restart (or a
    /// failed batch) the file is read again from the start, the committed rows passing by only to leave their keys.
    /// </summary>
    private async Task<RunState> StateAsync(ChatCrmDbContext db, ClientImport import, CancellationToken ct)
    {
        if (_states.TryGetValue(import.Id, out var known) && known.Next == import.RowsDone)
        {
            return known;
        }

        var state = new RunState(ImportFile.Rows(import, await OpenAsync(db, import, ct)));
        while (state.Next < import.RowsDone)
        {
            var passed = state.Take(Math.Min(import.RowsDone - state.Next, 2000));
            if (passed.Count == 0)
            {
                break;
            }

            foreach (var row in passed)
            {
                if (row.Row is { } r)
                {
                    state.Keys.Add(r);
                }
            }
        }

        _states[import.Id] = state;
        return state;
    }

    /// <summary>The rejected rows' original cells, found by their numbers in one pass over the file.</summary>
    private static async Task<byte[]> RejectedXlsxAsync(ChatCrmDbContext db, ClientImport import, Texts texts, CancellationToken ct)
    {
        var problems = await db.ImportProblems.AsNoTracking().Where(p => p.ImportId == import.Id).OrderBy(p => p.RowNumber).ToListAsync(ct);
        var wanted = problems.Select(p => p.RowNumber).ToHashSet();
        var sheet = await OpenAsync(db, import, ct);
        var cells = new Dictionary<int, IReadOnlyList<string>>();
        var index = 0;
        foreach (var row in sheet.Rows())
        {
            var number = ImportSheet.ImportRowNumber(index++);
            if (wanted.Contains(number))
            {
                cells[number] = row;
            }
        }

        return RejectedRows.Xlsx(sheet.Headers, cells, problems, texts);
    }

    private static async Task ShowProgressAsync(ChatCrmDbContext db, OutboxWriter outbox, ClientImport import, Texts texts, CancellationToken ct,
        string? step = null)
    {
        var messageId = import.ProgressOutboxId is { } outboxId
            ? await db.Outbox.AsNoTracking().Where(m => m.Id == outboxId).Select(m => m.TelegramMessageId).SingleOrDefaultAsync(ct)
            : null;
        if (messageId is { } id)
        {
            outbox.Edit(import.ChatId, id, new Reply(texts.ImportProgress(import.RowsDone, import.RowsTotal)),
                string.Create(CultureInfo.InvariantCulture, $"import:{import.Id}:p:{step ?? import.RowsDone.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    /// <summary>The last step: the final progress, the report, the rejected rows as an XLSX, and one audit entry for the whole import.</summary>
    private static async Task FinishAsync(ChatCrmDbContext db, OutboxWriter outbox, ClientImport import, Core.Domain.Users.User importer, Texts texts,
        RunState state, DateTime now, CancellationToken ct)
    {
        import.Status = ImportStatus.Done;
        import.FinishedAt = now;
        await ShowProgressAsync(db, outbox, import, texts, ct, "done");
        var lastContacts = state.LastContacts;
        outbox.Message(import.ChatId, new Reply(texts.ImportReport(import.Created, import.Merged, import.Skipped, import.Rejected, lastContacts)),
            string.Create(CultureInfo.InvariantCulture, $"import:{import.Id}:report"));
        if (import.Rejected > 0)
        {
            outbox.Document(import.ChatId, await RejectedXlsxAsync(db, import, texts, ct), RejectedRows.FileName(import.FileName),
                Html.Escape(texts.ImportRejectedCaption(import.Rejected)), string.Create(CultureInfo.InvariantCulture, $"import:{import.Id}:rejected"));
        }

        db.Audit.Add(AuditEntry.Record(importer.Id, importer.TelegramId, AuditAction, now, import.FileName, null,
            string.Create(CultureInfo.InvariantCulture,
                $"rows {import.RowsTotal}; created {import.Created}; merged {import.Merged}; skipped {import.Skipped}; rejected {import.Rejected}")));
    }

    /// <summary>Where a batch's time went, for the debug log: «lookup 120 ms, classify 8 ms, …».</summary>
    private sealed class Laps
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly List<(string Step, long Ms)> _laps = [];

        public void Lap(string step)
        {
            _laps.Add((step, _watch.ElapsedMilliseconds));
            _watch.Restart();
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{_laps.Sum(l => l.Ms)} ms: ") + string.Join(", ", _laps.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Step} {l.Ms} ms")));
    }

    /// <summary>A run going through its file: the rows not yet taken stay unread, so a run holds one batch of rows at a time.</summary>
    private sealed class RunState(IEnumerable<ReadRow> rows)
    {
        private readonly IEnumerator<ReadRow> _rows = rows.GetEnumerator();

        /// <summary>Whether the rows so far had last-contact dates: the report then says where they went.</summary>
        public bool LastContacts { get; private set; }
        public FileKeys Keys { get; } = new();

        /// <summary>How many rows were taken; the next batch starts here.</summary>
        public int Next { get; set; }
        public Stopwatch Watch { get; } = Stopwatch.StartNew();

        public List<ReadRow> Take(int count)
        {
            var taken = new List<ReadRow>(count);
            while (taken.Count < count && _rows.MoveNext())
            {
                taken.Add(_rows.Current);
                LastContacts |= _rows.Current.Row?.LastContact is not null;
            }

            Next += taken.Count;
            return taken;
        }
    }

    /// <summary>What one batch decides and writes.</summary>
    private sealed class Batch(ChatCrmDbContext db, ClientImport import, Core.Domain.Users.User importer, Texts texts, ImportChoices choices,
        DateTime now, string currency)
    {
        private readonly List<(ImportRow Row, Client Client, bool Created)> _written = [];
        private readonly List<Client> _created = [];
        private readonly List<ImportProblem> _problems = [];

        // Clients this batch creates, by each key a later row of the batch may repeat.
        private readonly Dictionary<string, Client> _pending = new(StringComparer.Ordinal);

        public async Task WriteAsync(RunState state, List<ReadRow> slice, Laps laps, CancellationToken ct)
        {
            var valid = slice.Where(r => r.Row is not null).Select(r => r.Row!).ToList();
            var existing = await ImportLookup.FindAsync(db, valid, ct);
            laps.Lap("lookup");

            // Decide every row first, so the clients to merge into are loaded in one query.
            var plans = new List<(ImportRow Row, DuplicateChoice Action, long? Target)>();
            foreach (var read in slice)
            {
                if (read.Rejection is { } rejection)
                {
                    Reject(rejection.RowNumber, ImportReasons.Of(texts, rejection));
                    continue;
                }

                var row = read.Row!;
                var (@class, match) = ImportDuplicates.Classify(row, state.Keys, existing, choices.Baseline);
                var action = choices.Answer(@class);
                // An in-file repeat merges into the client its first row became (or was merged into).
                var target = @class == DuplicateClass.InFile ? existing.Find(row)?.ClientId : match?.ClientId;
                plans.Add((row, action, target));
            }

            laps.Lap("classify");
            var targetIds = plans.Where(p => p.Action == DuplicateChoice.Merge && p.Target is not null).Select(p => p.Target!.Value).Distinct().ToList();
            var targets = new Dictionary<long, Client>();
            var persons = new HashSet<(long, string)>();
            var withOpenDeal = new HashSet<long>();
            foreach (var chunk in targetIds.Chunk(500))
            {
                foreach (var client in await db.Clients.Include(c => c.SearchKeys).Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                {
                    targets[client.Id] = client;
                }

                persons.UnionWith((await db.ContactPeople.Where(p => chunk.Contains(p.ClientId)).Select(p => new { p.ClientId, p.Name }).ToListAsync(ct))
                    .Select(p => (p.ClientId, Fold(p.Name))));
                withOpenDeal.UnionWith(await db.Deals.Where(d => chunk.Contains(d.ClientId) && d.Status == DealStatus.Open).Select(d => d.ClientId).ToListAsync(ct));
            }

            var segments = await db.Segments.Where(s => !s.IsRetired).ToDictionaryAsync(s => s.Id, ct);
            laps.Lap("merge targets");
            foreach (var (row, action, target) in plans)
            {
                if (action == DuplicateChoice.Skip)
                {
                    import.Skipped++;
                    continue;
                }

                try
                {
                    var into = action == DuplicateChoice.Merge ? Pending(row) ?? (target is { } id ? targets.GetValueOrDefault(id) : null) : null;
                    if (into is not null)
                    {
                        Merge(into, row, segments);
                        _written.Add((row, into, false));
                        import.Merged++;
                    }
                    else
                    {
                        var client = Create(row, segments);
                        _created.Add(client);
                        Remember(client);
                        _written.Add((row, client, true));
                        import.Created++;
                    }
                }
                catch (DomainException e)
                {
                    Reject(row.RowNumber, texts.ImportRowFailed(ImportReasons.Plain(texts.Error(e.Error, e.Detail))));
                }
            }

            // The new clients and what hangs on them, many rows to a statement (EF inserts a row per command, which was
            // most of a batch's time); the merged clients are tracked and saved with the batch's progress. All of it in
            // the batch's one transaction.
            foreach (var client in _created)
            {
                client.SyncSearchKeys();
            }

            laps.Lap("fill");
            await BulkInsert.InsertAsync(db, _created, ct);
            await BulkInsert.InsertAsync(db, [.. _created.SelectMany(c => c.SearchKeys)], ct);
            laps.Lap("clients");
            await AddPersonsAndDealsAsync(persons, withOpenDeal, ct);
            await BulkInsert.InsertAsync(db, _problems, ct);
            laps.Lap("deals");
        }

        private Client Create(ImportRow row, Dictionary<long, Segment> segments)
        {
            var client = Client.Create(row.Name, importer.Id, now, choices.OwnerOf(row.Owner, importer.Id));
            Fill(client, row, segments);
            return client;
        }

        /// <summary>Adds what the row has and the client lacks; the owner and what the client already has stay.</summary>
        private void Merge(Client client, ImportRow row, Dictionary<long, Segment> segments) => Fill(client, row, segments);

        private void Fill(Client client, ImportRow row, Dictionary<long, Segment> segments)
        {
            foreach (var phone in row.Phones)
            {
                if (client.PhoneNumbers.Count < Client.MaxPhones || client.PhoneNumbers.Contains(phone))
                {
                    client.AddPhone(phone);
                }
            }

            foreach (var email in row.Emails)
            {
                if (client.EmailAddresses.Count < Client.MaxEmails || client.EmailAddresses.Contains(email))
                {
                    client.AddEmail(email);
                }
            }

            if (client.City is null && !string.IsNullOrWhiteSpace(row.City))
            {
                client.SetCity(row.City);
            }

            if (client.Note is null && !string.IsNullOrWhiteSpace(row.Note))
            {
                client.SetNote(row.Note);
            }

            if (client.SegmentId is null && choices.SegmentOf(row.Segment) is { } segmentId && segments.TryGetValue(segmentId, out var segment))
            {
                client.SetSegment(segment);
            }

            if (row.LastContact is { } date)
            {
                // The day the file names, at its start in the importer's zone: a last touch, not a touch row.
                var zone = TimeZones.Find(importer.TimeZoneId) ?? TimeZoneInfo.Utc;
                client.RecordTouch(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), zone));
            }

            // A stored client's keys are kept in step here; new ones get theirs just before they are written.
            if (client.Id != 0)
            {
                client.SyncSearchKeys();
            }
        }

        private async Task AddPersonsAndDealsAsync(HashSet<(long, string)> persons, HashSet<long> withOpenDeal, CancellationToken ct)
        {
            SalesCycle? cycle = null;
            List<Stage> stages = [];
            if (_written.Any(w => w.Row.DealAmount is > 0))
            {
                cycle = await db.Cycles.Where(c => !c.IsRetired).OrderByDescending(c => c.IsDefault).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
                stages = cycle is null ? [] : [.. StageOrder.Live(await db.Stages.Where(s => s.CycleId == cycle.Id).ToListAsync(ct))];
            }

            var people = new List<ContactPerson>();
            var deals = new List<Deal>();
            var changes = new List<StageChange>();
            foreach (var (row, client, _) in _written)
            {
                if (!string.IsNullOrWhiteSpace(row.ContactPerson) && persons.Add((client.Id, Fold(row.ContactPerson))))
                {
                    people.Add(ContactPerson.Create(client.Id, row.ContactPerson));
                }

                // One deal per client: a merge into a client with an open deal (the same file again) adds none.
                if (row.DealAmount is > 0 && cycle is not null && stages.Count > 0 && withOpenDeal.Add(client.Id))
                {
                    var stage = (row.DealStage is { } named ? stages.FirstOrDefault(s => BuiltInNames.Matches(s.Name, named)) : null) ?? stages[0];
                    var (deal, opened) = Deal.Open(client, cycle, stage, row.DealAmount.Value, currency, null,
                        client.OwnerUserId ?? importer.Id, now, importer.Id);
                    deals.Add(deal);
                    changes.Add(opened);
                }
            }

            await BulkInsert.InsertAsync(db, people, ct);
            await BulkInsert.InsertAsync(db, deals, ct);
            await BulkInsert.InsertAsync(db, changes, ct);
        }

        private Client? Pending(ImportRow row)
        {
            foreach (var key in Keys(row))
            {
                if (_pending.TryGetValue(key, out var client))
                {
                    return client;
                }
            }

            return null;
        }

        private void Remember(Client client)
        {
            foreach (var key in client.PhoneNumbers.Select(p => "p" + p).Concat(client.EmailAddresses.Select(e => "e" + e)).Append("n" + client.MatchKey))
            {
                _pending.TryAdd(key, client);
            }
        }

        private static IEnumerable<string> Keys(ImportRow row) =>
            row.Phones.Select(p => "p" + p).Concat(row.Emails.Select(e => "e" + e)).Append("n" + ClientNames.MatchKey(row.Name));

        private void Reject(int rowNumber, string reason)
        {
            _problems.Add(new ImportProblem
            {
                ImportId = import.Id,
                RowNumber = rowNumber,
                Reason = reason.Length > ImportProblem.MaxReasonLength ? reason[..ImportProblem.MaxReasonLength] : reason,
            });
            import.Rejected++;
        }

        private static string Fold(string name) => name.Trim().ToLowerInvariant();
    }
}
