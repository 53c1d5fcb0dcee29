using System.Diagnostics;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Export;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Issue 10: exporting 200,000 deals in under 10 s. A head's /export deals (no period: all of them) runs the way the
/// command runs it — <see cref="ExportSheets.BuildAsync"/> then <see cref="ExportFiles.RenderAsync"/> — as XLSX and as
/// CSV, four times each on a fresh DbContext, the first discarded; then one manager's own deals. The figures are the
/// median and the range, the rows and the file size, and the process's peak resident memory after each format.
/// </summary>
internal static class ExportDeals
{
    public static async Task RunAsync(DbContextOptions<ChatCrmDbContext> options, TimeZoneInfo zone, ReportPeriod? period)
    {
        User head;
        User manager;
        await using (var db = new ChatCrmDbContext(options))
        {
            head = await db.Users.AsNoTracking().FirstAsync(u => u.Role == Role.Head);
            manager = await db.Users.AsNoTracking().Where(u => u.Role == Role.Manager).OrderBy(u => u.Id).FirstAsync();
            Console.WriteLine($"{await db.Deals.CountAsync():N0} deals in the file; period: {period?.ToString() ?? "all time"}");
        }

        var pid = Environment.ProcessId;
        Console.WriteLine($"resident before: {pid.PeakRssMb():F0} MB peak so far, managed heap {GC.GetTotalMemory(false) / 1_048_576} MB");
        foreach (var csv in new[] { false, true })
        {
            await MeasureAsync(options, $"/export deals{(csv ? " csv" : "")}, a head", new ExportRequest(ExportKind.Deals, period, zone, head), csv);
            Console.WriteLine($"    process peak resident memory so far: {pid.PeakRssMb():F0} MB");
        }

        await MeasureAsync(options, "/export deals, one manager's own", new ExportRequest(ExportKind.Deals, period, zone, manager), csv: false);
    }

    private static async Task MeasureAsync(DbContextOptions<ChatCrmDbContext> options, string name, ExportRequest request, bool csv)
    {
        var texts = Texts.For(Language.Ru);
        var times = new List<double>();
        ExportFile? file = null;
        for (var i = 0; i < 4; i++)
        {
            await using var db = new ChatCrmDbContext(options);
            var sw = Stopwatch.StartNew();
            var sheet = await ExportSheets.BuildAsync(db, request, texts, CancellationToken.None);
            file = await ExportFiles.RenderAsync(sheet, csv, CancellationToken.None);
            sw.Stop();
            if (i > 0)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine($"{name}: median {times[times.Count / 2]:F0} ms, best {times[0]:F0} ms, worst {times[^1]:F0} ms — "
            + $"{file!.Rows:N0} rows, {file.Size / 1_048_576.0:F1} MB{(file.Content is null ? " (over Telegram's limit: not loaded)" : "")}");
    }
}
