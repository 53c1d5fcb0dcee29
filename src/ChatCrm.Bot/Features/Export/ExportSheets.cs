using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Export;

/// <summary>
/// The rows of an export as one streamed query each: what the asker may see (<see cref="Visibility"/>), narrowed by
/// the request, projected to the columns in SQL with the client's name joined in, untracked. The small catalogues
/// (people, segments, pipelines, stages, work types, loss reasons) are loaded once and looked up in memory, so a row
/// costs no further query. Nothing is materialised: the rows are read while the file is written.
/// </summary>
/// <remarks>
/// The period applies to when the row began: clients by creation, deals by opening, touches by when they were done
/// (or, planned, are due), payments by when they were received. Dates are the asker's local time; every text cell
/// goes through <see cref="CellSafety.Neutralise"/>.
/// </remarks>
internal static class ExportSheets
{
    public static async Task<ExportSheet> BuildAsync(ChatCrmDbContext db, ExportRequest r, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(t);
        var names = await Names.LoadAsync(db, t, ct);
        var rows = r.Kind switch
        {
            ExportKind.Clients => Clients(db, r, names),
            ExportKind.Deals => Deals(db, r, t, names),
            ExportKind.Touches => Touches(db, r, t, names),
            ExportKind.Payments => Payments(db, r, names),
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Kind, null),
        };
        return new ExportSheet(t.ExportKindName(r.Kind), t.ExportHeaders(r.Kind), rows);
    }

    private static IEnumerable<object?[]> Clients(ChatCrmDbContext db, ExportRequest r, Names names)
    {
        var clients = db.VisibleClients(r.Asker).AsNoTracking();
        if (r.ManagerId is { } manager)
        {
            clients = clients.Where(c => c.OwnerUserId == manager);
        }

        if (r.SegmentId is { } segment)
        {
            clients = clients.Where(c => c.SegmentId == segment);
        }

        if (r.CycleId is { } cycle)
        {
            clients = clients.Where(c => db.Deals.Any(d => d.ClientId == c.Id && d.CycleId == cycle));
        }

        if (Bounds(r) is (var from, var to))
        {
            clients = clients.Where(c => c.CreatedAt >= from && c.CreatedAt < to);
        }

        var query = clients.OrderBy(c => c.Id).Select(c => new
        {
            c.Id, c.Name, c.Phones, c.Emails, c.SegmentId, c.OwnerUserId, c.City, c.Note, c.CreatedAt, c.LastTouchAt, c.NextContactAt,
            Open = db.Deals.Count(d => d.ClientId == c.Id && d.Status == DealStatus.Open),
            Paid = (from o in db.Obligations
                    join d in db.Deals on o.DealId equals d.Id
                    where d.ClientId == c.Id && o.Kind == ObligationKind.Payment
                    select o.Amount).Sum(),
        });
        foreach (var c in query.AsEnumerable())
        {
            yield return
            [
                c.Id, Text(c.Name), Text(c.Phones.Replace(";", ", ", StringComparison.Ordinal)), Text(c.Emails.Replace(";", ", ", StringComparison.Ordinal)),
                names.Segment(c.SegmentId), names.Person(c.OwnerUserId), Text(c.City), Text(c.Note), Local(c.CreatedAt, r.Zone),
                Local(c.LastTouchAt, r.Zone), Local(c.NextContactAt, r.Zone), c.Open, c.Paid ?? 0m,
            ];
        }
    }

    private static IEnumerable<object?[]> Deals(ChatCrmDbContext db, ExportRequest r, Texts t, Names names)
    {
        var deals = db.VisibleDeals(r.Asker).AsNoTracking();
        if (r.ManagerId is { } manager)
        {
            deals = deals.Where(d => d.OwnerUserId == manager);
        }

        if (r.CycleId is { } cycle)
        {
            deals = deals.Where(d => d.CycleId == cycle);
        }

        if (Bounds(r) is (var from, var to))
        {
            deals = deals.Where(d => d.OpenedAt >= from && d.OpenedAt < to);
        }

        var query = from d in deals
                    join c in ClientsOf(db, r) on d.ClientId equals c.Id
                    orderby d.Id
                    select new
                    {
                        d.Id, Client = c.Name, d.Title, d.Amount, d.CycleId, d.StageId, d.Status, d.OwnerUserId, d.OpenedAt, d.ClosedAt,
                        d.LostReasonId, d.ExpectedCloseAt,
                    };
        var statuses = Enum.GetValues<DealStatus>().ToDictionary(s => s, s => Text(t.ExportStatus(s)));
        foreach (var d in query.AsEnumerable())
        {
            yield return
            [
                d.Id, Text(d.Client), Text(d.Title), d.Amount, names.Cycle(d.CycleId), names.Stage(d.StageId), statuses[d.Status],
                names.Person(d.OwnerUserId), Local(d.OpenedAt, r.Zone), Local(d.ClosedAt, r.Zone), names.Reason(d.LostReasonId),
                Local(d.ExpectedCloseAt, r.Zone),
            ];
        }
    }

    private static IEnumerable<object?[]> Touches(ChatCrmDbContext db, ExportRequest r, Texts t, Names names)
    {
        var touches = db.VisibleTouches(r.Asker).AsNoTracking();
        if (r.ManagerId is { } manager)
        {
            touches = touches.Where(x => x.UserId == manager);
        }

        if (r.CycleId is { } cycle)
        {
            touches = touches.Where(x => db.Deals.Any(d => d.Id == x.DealId && d.CycleId == cycle));
        }

        if (Bounds(r) is (var from, var to))
        {
            touches = touches.Where(x => (x.HappenedAt ?? x.PlannedFor) >= from && (x.HappenedAt ?? x.PlannedFor) < to);
        }

        var query = from x in touches
                    join c in ClientsOf(db, r) on x.ClientId equals c.Id
                    orderby x.HappenedAt ?? x.PlannedFor ?? x.CreatedAt, x.Id
                    select new { At = x.HappenedAt ?? x.PlannedFor ?? x.CreatedAt, Client = c.Name, x.WorkTypeId, x.UserId, x.Status, x.Note };
        var statuses = Enum.GetValues<TouchStatus>().ToDictionary(s => s, s => Text(t.ExportStatus(s)));
        foreach (var x in query.AsEnumerable())
        {
            yield return [Local(x.At, r.Zone), Text(x.Client), names.WorkType(x.WorkTypeId), names.Person(x.UserId), statuses[x.Status], Text(x.Note)];
        }
    }

    private static IEnumerable<object?[]> Payments(ChatCrmDbContext db, ExportRequest r, Names names)
    {
        var deals = db.Deals.AsNoTracking();
        if (r.ManagerId is { } manager)
        {
            deals = deals.Where(d => d.OwnerUserId == manager);
        }

        if (r.CycleId is { } cycle)
        {
            deals = deals.Where(d => d.CycleId == cycle);
        }

        var payments = db.VisiblePayments(r.Asker).AsNoTracking();
        if (Bounds(r) is (var from, var to))
        {
            payments = payments.Where(o => o.At >= from && o.At < to);
        }

        var query = from o in payments
                    join d in deals on o.DealId equals d.Id
                    join c in ClientsOf(db, r) on d.ClientId equals c.Id
                    orderby o.At, o.Id
                    select new { o.At, o.DealId, Client = c.Name, o.Amount, d.OwnerUserId };
        foreach (var o in query.AsEnumerable())
        {
            yield return [Local(o.At, r.Zone), o.DealId, Text(o.Client), o.Amount ?? 0m, names.Person(o.OwnerUserId)];
        }
    }

    /// <summary>All clients, or those of the asked segment: what a deal, touch or payment is joined to for its client's name.</summary>
    private static IQueryable<Client> ClientsOf(ChatCrmDbContext db, ExportRequest r) =>
        r.SegmentId is { } segment ? db.Clients.AsNoTracking().Where(c => c.SegmentId == segment) : db.Clients.AsNoTracking();

    private static (DateTime From, DateTime To)? Bounds(ExportRequest r) => r.Period?.ToUtc(r.Zone);

    private static DateTime? Local(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } at ? DateTime.SpecifyKind(TimeZones.ToLocal(at, zone), DateTimeKind.Unspecified) : null;

    private static string Text(string? value) => CellSafety.Neutralise(value);

    /// <summary>The catalogues' names as the asker's language shows them, neutralised once.</summary>
    private sealed class Names(
        Dictionary<long, string> people, Dictionary<long, string> segments, Dictionary<long, string> cycles,
        Dictionary<long, string> stages, Dictionary<long, string> workTypes, Dictionary<long, string> reasons)
    {
        public static async Task<Names> LoadAsync(ChatCrmDbContext db, Texts t, CancellationToken ct)
        {
            var shown = (string name) => Text(BuiltInNames.Show(name, t.Language));
            return new Names(
                await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => Text(u.DisplayName), ct),
                await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Id, s => Text(s.Name), ct),
                await db.Cycles.AsNoTracking().ToDictionaryAsync(c => c.Id, c => shown(c.Name), ct),
                await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => shown(s.Name), ct),
                await db.WorkTypes.AsNoTracking().ToDictionaryAsync(w => w.Id, w => shown(w.Name), ct),
                await db.LostReasons.AsNoTracking().ToDictionaryAsync(x => x.Id, x => shown(x.Name), ct));
        }

        public string? Person(long? id) => Find(people, id);

        public string? Segment(long? id) => Find(segments, id);

        public string? Cycle(long id) => Find(cycles, id);

        public string? Stage(long id) => Find(stages, id);

        public string? WorkType(long id) => Find(workTypes, id);

        public string? Reason(long? id) => Find(reasons, id);

        private static string? Find(Dictionary<long, string> names, long? id) => id is { } key && names.TryGetValue(key, out var name) ? name : null;
    }
}
