using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Reports;

/// <summary>
/// A hand-computed autumn in Moscow (UTC+3), today 2 Dec 2026. Times below are UTC.
/// <para>Анна (manager): clients A1 (#retail), A2 (#b2b), A3. D1 on A1 opened 5 Oct, won 20 Oct for 100 000 = 2 станка ×
/// 50 000, invoiced 100 000 due 25 Oct, paid 40 000 on 26 Oct and 30 000 on 15 Nov, shipped 21 Oct. D2 on A2 opened
/// 2 Nov, won 12 Nov for 60 000 = 1 станок × 30 000 + 3 фрезы × 10 000, invoiced 20 000 due 15 Nov and 40 000 due
/// 20 Dec, paid 25 000 on 20 Nov, shipped 13 Nov. D5 on A1 opened 10 Nov, 200 000, open at «Предложение» (50 %). D7 on
/// A2 opened 4 Nov, 30 000, lost 14 Nov. Touches: calls 31 Oct 21:30 (1 Nov local), 2 Nov, 3 Nov on A1; a meeting on
/// A3 4 Nov; calls outside November: 30 Oct and 30 Nov 22:00 (1 Dec local). Targets: Nov 300 000, Oct 50 000.</para>
/// <para>Борис (manager): clients B1 (#retail), B2. D3 on B1 opened 3 Nov, won 23 Nov for 40 000 without lines,
/// invoiced 40 000 due 25 Nov. D4 on B1 opened 10 Oct, 50 000, lost 5 Nov, reopened 6 Nov, lost again 16 Nov; an
/// invoice of 10 000 due 1 Oct on it is not owed (the deal is lost). D6 on B2 opened 1 Sep, 80 000, open at «Первый
/// контакт» (10 %), invoiced 15 000 due 20 Sep. D8 on B2 opened 1 Jul, won 15 Jul for 70 000, invoiced 70 000 due
/// 1 Aug, paid 10 000 on 5 Aug. D9 in the cycle «Сервис» on B2, opened 2 Nov, won 20 Nov for 5 000. Calls on B1 2 Nov
/// and 9 Nov. Target: Nov 100 000.</para>
/// <para>Norms: calls 5 a day, meetings 3 a week. November 2026 has 21 working days: 105 calls, round(12.6) = 13 meetings.</para>
/// </summary>
public sealed record ReportsFixture(long Anna, long Boris, long Retail, long B2b, long DefaultCycle, long ServiceCycle)
{
    public const string Moscow = "Europe/Moscow";
    public static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    public static ReportRequest Request(ReportPeriod period, long? manager = null, long? segment = null, long? cycle = null) =>
        new(period, TimeZones.Find(Moscow)!, Now, manager, segment, cycle);

    public static ReportPeriod November => ReportPeriod.MonthOf(new DateOnly(2026, 11, 1));

    private static DateTime At(int month, int day, int hour = 10, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static async Task<ReportsFixture> SeedAsync(ChatCrmApp app)
    {
        var joined = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var anna = (await Seed.UserAsync(app, 501, Role.Manager, joined, Moscow, "Анна")).Id;
        var boris = (await Seed.UserAsync(app, 502, Role.Manager, joined, Moscow, "Борис")).Id;
        await Seed.UserAsync(app, 503, Role.Head, joined, Moscow, "Глава");
        var retail = await Seed.SegmentAsync(app, "retail");
        var b2b = await Seed.SegmentAsync(app, "b2b");

        return await app.WriteAsync(async db =>
        {
            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var stages = await db.Stages.Where(s => s.CycleId == cycle.Id).OrderBy(s => s.Position).ToListAsync();
            var service = SalesCycle.Create("Сервис", joined);
            db.Cycles.Add(service);
            var station = Product.Create("Станок", 50_000m);
            var cutter = Product.Create("Фреза", 10_000m);
            db.Products.AddRange(station, cutter);
            var reason = await db.LostReasons.FirstAsync();
            var call = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            var meeting = await db.WorkTypes.SingleAsync(w => w.Code == "meeting");
            db.Norms.AddRange(TouchNorm.Create(call.Id, 5, NormPeriod.Day), TouchNorm.Create(meeting.Id, 3, NormPeriod.Week));
            db.Targets.AddRange(Target.Create(anna, At(11, 1), 300_000m), Target.Create(anna, At(10, 1), 50_000m), Target.Create(boris, At(11, 1), 100_000m));

            Client NewClient(string name, long owner, Segment? segment)
            {
                var c = Client.Create(name, owner, joined, owner);
                db.Clients.Add(c);
                return c;
            }

            var segments = await db.Segments.ToDictionaryAsync(s => s.Id);
            var a1 = NewClient("A1", anna, null);
            var a2 = NewClient("A2", anna, null);
            var a3 = NewClient("A3", anna, null);
            var b1 = NewClient("B1", boris, null);
            var b2 = NewClient("B2", boris, null);
            a1.SetSegment(segments[retail]);
            b1.SetSegment(segments[retail]);
            a2.SetSegment(segments[b2b]);
            await db.SaveChangesAsync();
            var serviceStage = Stage.Create(service.Id, "Заявка", 1, 30);
            db.Stages.Add(serviceStage);

            Deal Open(Client c, long owner, decimal amount, DateTime at, int position = 1, Stage? stage = null)
            {
                var (deal, _) = Deal.Open(c, stage is null ? cycle : service, stage ?? stages[position - 1], amount, "RUB", null, owner, at, owner);
                db.Deals.Add(deal);
                return deal;
            }

            var d1 = Open(a1, anna, 100_000m, At(10, 5));
            d1.Win(100_000m, At(10, 20), anna);
            var d2 = Open(a2, anna, 60_000m, At(11, 2));
            d2.Win(60_000m, At(11, 12), anna);
            Open(a1, anna, 200_000m, At(11, 10), position: 3);
            var d7 = Open(a2, anna, 30_000m, At(11, 4));
            d7.Lose(reason, null, At(11, 14), anna);
            var d3 = Open(b1, boris, 40_000m, At(11, 3));
            d3.Win(40_000m, At(11, 23), boris);
            var d4 = Open(b1, boris, 50_000m, At(10, 10));
            await db.SaveChangesAsync();
            db.Obligations.Add(Obligation.ExpectPayment(d4, 10_000m, At(10, 1, 9), boris, At(9, 20)));
            d4.Lose(reason, null, At(11, 5), boris);
            d4.Reopen(stages[1], At(11, 6), boris);
            d4.Lose(reason, null, At(11, 16), boris);
            var d6 = Open(b2, boris, 80_000m, At(9, 1));
            var d8 = Open(b2, boris, 70_000m, At(7, 1));
            d8.Win(70_000m, At(7, 15), boris);
            await db.SaveChangesAsync();
            var d9 = Open(b2, boris, 5_000m, At(11, 2), stage: serviceStage);
            d9.Win(5_000m, At(11, 20), boris);
            await db.SaveChangesAsync();

            db.DealLines.AddRange(DealLine.Create(d1, station, 2, 50_000m, At(10, 5)), DealLine.Create(d2, station, 1, 30_000m, At(11, 2)),
                DealLine.Create(d2, cutter, 3, 10_000m, At(11, 2)));
            db.Obligations.AddRange(
                Obligation.ExpectPayment(d1, 100_000m, At(10, 25, 9), anna, At(10, 20)),
                Obligation.RecordPayment(d1, 40_000m, At(10, 26), anna, Now),
                Obligation.RecordPayment(d1, 30_000m, At(11, 15), anna, Now),
                Obligation.RecordShipment(d1, At(10, 21), anna, Now),
                Obligation.ExpectPayment(d2, 20_000m, At(11, 15, 9), anna, At(11, 12)),
                Obligation.ExpectPayment(d2, 40_000m, At(12, 20, 9), anna, At(11, 12)),
                Obligation.RecordPayment(d2, 25_000m, At(11, 20), anna, Now),
                Obligation.RecordShipment(d2, At(11, 13), anna, Now),
                Obligation.ExpectPayment(d3, 40_000m, At(11, 25, 9), boris, At(11, 23)),
                // Promised for 20 November and not shipped: late now.
                Obligation.ExpectShipment(d3, At(11, 20, 9), boris, At(11, 10)),
                Obligation.ExpectPayment(d6, 15_000m, At(9, 20, 9), boris, At(9, 1)),
                Obligation.ExpectPayment(d8, 70_000m, At(8, 1, 9), boris, At(7, 15)),
                Obligation.RecordPayment(d8, 10_000m, At(8, 5), boris, Now));

            db.Touches.AddRange(
                Touch.LogDone(a1, call, anna, At(10, 31, 21, 30), null, Now),
                Touch.LogDone(a1, call, anna, At(11, 2, 7), null, Now),
                Touch.LogDone(a1, call, anna, At(11, 3, 7), null, Now),
                Touch.LogDone(a3, meeting, anna, At(11, 4, 8), null, Now),
                Touch.LogDone(a1, call, anna, At(10, 30, 8), null, Now),
                Touch.LogDone(a1, call, anna, At(11, 30, 22), null, Now),
                Touch.LogDone(b1, call, boris, At(11, 2, 9), null, Now),
                Touch.LogDone(b1, call, boris, At(11, 9, 9), null, Now));
            return new ReportsFixture(anna, boris, retail, b2b, cycle.Id, service.Id);
        });
    }
}
