using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// /report &lt;kind&gt; [period] [manager | #segment | cycle &lt;name&gt;] [csv]: the report as a message, its chart as a
/// photo, and a button that sends the same figures as XLSX (or, with «csv», the CSV file at once). Without
/// arguments it asks for the kind, then the period, with buttons. A manager always gets their own figures.
/// Buttons: `rp:k:kind` (pick the period), `rp:r:kind:period[:filter]` (run), `rp:x:kind:period[:filter]` (Excel);
/// the period is coded as its kind's letter and first day (`M20261101`), a range as `R20261001-20261231`, the
/// filter as `u7` (manager), `s3` (segment) or `c2` (cycle).
/// </summary>
internal sealed class ShowReport(IOptions<CrmOptions> crm, IOptions<WebAppOptions> web) : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "rp";
    private static readonly string[] CsvWords = ["csv"];

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var words = ProcessArgs.Words(args).ToList();
        var csv = words.Count > 0 && CsvWords.Contains(words[^1], StringComparer.OrdinalIgnoreCase);
        if (csv)
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            AskKind(ctx, ctx.T.ReportAskKind());
            return;
        }

        if (Reports.Find(words[0]) is not { } report)
        {
            AskKind(ctx, ctx.T.ReportUnknownKind(words[0]));
            return;
        }

        var rest = words.Skip(1).ToList();
        var today = DateOnly.FromDateTime(ctx.LocalNow);
        var period = ReportPeriod.MonthOf(today);
        var periodWords = "";
        if (PeriodParser.TakePrefix(rest, today) is { } prefix)
        {
            if (prefix.Reading.Period is not { } read)
            {
                AskPeriod(ctx, report.Kind, ctx.T.ReportBadPeriod(prefix.Reading.Problem, prefix.Reading.Unreadable));
                return;
            }

            period = read;
            periodWords = string.Join(' ', rest.Take(prefix.WordCount));
            rest = rest.Skip(prefix.WordCount).ToList();
        }

        var filter = await ReportScope.FilterFromTextAsync(ctx, string.Join(' ', rest), ct);
        if (filter is null)
        {
            var people = await ctx.Db.Users.ActiveSalespeople().OrderBy(u => u.DisplayName).ToListAsync(ct);
            if (ctx.User.Role.Includes(Role.Head) && people.Count > 0)
            {
                Colleagues.AskWhich(ctx, "report", $"{report.Kind} {periodWords} {{0}}{(csv ? " csv" : "")}", ctx.T.ReportFilterNotFound(string.Join(' ', rest)),
                    people, string.Join(' ', rest));
            }
            else
            {
                ctx.Reply(ctx.T.ReportFilterNotFound(string.Join(' ', rest)));
            }

            return;
        }

        await SendAsync(ctx, report, period, filter.Value, csv, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var report = args.Count >= 2 ? Reports.Find(args[1]) : null;
        if (args.Count == 2 && args[0] == "k" && report is not null)
        {
            ctx.User.EndDialog();
            AskPeriod(ctx, report.Kind, ctx.T.ReportAskPeriod(ctx.T.ReportKindName(report.Kind)));
            return;
        }

        var period = args.Count >= 3 ? DecodePeriod(args[2]) : null;
        var filter = args.Count switch
        {
            3 => new ReportFilter(null, null, null),
            4 => ReportFilter.Decode(args[3]),
            _ => null,
        };
        if (args.Count < 3 || args[0] is not ("r" or "x") || report is null || period is null || filter is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        ctx.User.EndDialog();
        ctx.SourceMessageId = null;
        if (args[0] == "r")
        {
            await SendAsync(ctx, report, period, filter.Value, csv: false, ct);
            return;
        }

        if (await RequestAsync(ctx, period, filter.Value, ct) is not { } request)
        {
            return;
        }

        var result = await report.BuildAsync(ctx.Db, request.Request, ctx.T, ct);
        ctx.SendDocument(ReportFiles.Xlsx(result), ReportFiles.FileName(report.Kind, request.Request, "xlsx"), Heading(ctx, result, request));
    }

    private async Task SendAsync(BotContext ctx, IReport report, ReportPeriod period, ReportFilter filter, bool csv, CancellationToken ct)
    {
        if (await RequestAsync(ctx, period, filter, ct) is not { } request)
        {
            return;
        }

        var result = await report.BuildAsync(ctx.Db, request.Request, ctx.T, ct);
        var heading = Heading(ctx, result, request);
        var text = ReportText.Render(ctx.T, heading, result);
        if (csv)
        {
            ctx.Reply(text);
            ctx.SendDocument(ReportFiles.Csv(result), ReportFiles.FileName(report.Kind, request.Request, "csv"),
                heading + "\n" + ctx.T.ReportCsvCaption(ReportFiles.CsvDelimiter.ToString()));
        }
        else
        {
            var data = $"{Prefix}:x:{report.Kind}:{EncodePeriod(period)}{(filter.Code is { } code ? ":" + code : "")}";
            List<Button> row = [Button.Callback(ctx.T.ReportExcelButton, data)];
            if (web.Value.Url is { } board)
            {
                // The same report on the board: its chart and tables, with the period and narrowing the chat chose.
                var query = $"kind={report.Kind}&period={EncodePeriod(period)}" + (request.Request.ManagerId is { } m ? "&manager=" + m.ToString(CultureInfo.InvariantCulture) : "")
                    + (filter.SegmentId is { } s ? "&segment=" + s.ToString(CultureInfo.InvariantCulture) : "")
                    + (filter.CycleId is { } c ? "&cycle=" + c.ToString(CultureInfo.InvariantCulture) : "");
                row.Add(Button.WebApp(ctx.T.WebMenuButton, $"{board}/reports?{query}"));
            }

            ctx.Reply(new Reply(text, [row]));
        }

        if (result.Chart is { } chart)
        {
            ctx.SendPhoto(ReportPicture.Render(chart, ctx.T.Culture), heading);
        }
    }

    /// <summary>
    /// The request the asker may have: a manager's is narrowed to themselves, and naming another manager is refused
    /// (answered here, null returned). Heads and admins get what they asked for.
    /// </summary>
    private async Task<(ReportRequest Request, string? FilterName)?> RequestAsync(BotContext ctx, ReportPeriod period, ReportFilter filter, CancellationToken ct)
    {
        if (!ReportScope.ManagerFor(ctx.User, filter.ManagerId, out var managerId))
        {
            ctx.Reply(ctx.T.ReportOnlyOwn());
            return null;
        }

        var names = new List<string>();
        if (managerId is { } m)
        {
            names.Add(await ctx.Db.Users.Where(u => u.Id == m).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "?");
        }

        if (filter.SegmentId is { } s)
        {
            names.Add("#" + (await ctx.Db.Segments.Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "?"));
        }

        if (filter.CycleId is { } c)
        {
            names.Add(await ctx.Db.Cycles.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "?");
        }

        return (new ReportRequest(period, ctx.Zone, ctx.Now, managerId, filter.SegmentId, filter.CycleId, crm.Value.Currency), names.Count == 0 ? null : string.Join(", ", names));
    }

    private static string Heading(BotContext ctx, ReportResult result, (ReportRequest Request, string? FilterName) request) =>
        ctx.T.ReportHeading(result.Title, PeriodFormatter.Describe(request.Request.Period, ctx.T.Language), request.FilterName);

    private static void AskKind(BotContext ctx, string question) =>
        ctx.Ask("report", "", new Reply(question,
            [.. Reports.All.Select(r => Button.Callback(ctx.T.ReportKindName(r.Kind), $"{Prefix}:k:{r.Kind}")).Chunk(2).Select(row => (IReadOnlyList<Button>)row)]));

    /// <summary>This month, last month, this quarter, this year as buttons; a typed period answers too.</summary>
    private static void AskPeriod(BotContext ctx, string kind, string question)
    {
        var today = DateOnly.FromDateTime(ctx.LocalNow);
        var options = new[]
        {
            (ctx.T.ReportLabel("thisMonth"), ReportPeriod.MonthOf(today)),
            (ctx.T.ReportLabel("lastMonth"), ReportPeriod.MonthOf(today.AddMonths(-1))),
            (ctx.T.ReportLabel("thisQuarter"), ReportPeriod.QuarterOf(today)),
            (ctx.T.ReportLabel("thisYear"), ReportPeriod.YearOf(today)),
        };
        ctx.Ask("report", kind, new Reply(question,
            [.. options.Select(o => Button.Callback(o.Item1, $"{Prefix}:r:{kind}:{EncodePeriod(o.Item2)}")).Chunk(2).Select(row => (IReadOnlyList<Button>)row)]));
    }

    public static string EncodePeriod(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var first = period.First.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var last = period.Last.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return period.Kind switch
        {
            PeriodKind.Day => "D" + first,
            PeriodKind.Week => "W" + first,
            PeriodKind.Month => "M" + first,
            PeriodKind.Quarter => "Q" + first,
            PeriodKind.Year => "Y" + first,
            PeriodKind.YearToDate => "T" + last,
            _ => $"R{first}-{last}",
        };
    }

    public static ReportPeriod? DecodePeriod(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length < 9 || !TryDay(code.AsSpan(1, 8), out var day))
        {
            return null;
        }

        return code[0] switch
        {
            'D' when code.Length == 9 => ReportPeriod.Day(day),
            'W' when code.Length == 9 => ReportPeriod.WeekOf(day),
            'M' when code.Length == 9 => ReportPeriod.MonthOf(day),
            'Q' when code.Length == 9 => ReportPeriod.QuarterOf(day),
            'Y' when code.Length == 9 => ReportPeriod.YearOf(day),
            'T' when code.Length == 9 => ReportPeriod.YearToDate(day),
            'R' when code.Length == 18 && code[9] == '-' && TryDay(code.AsSpan(10), out var last) => ReportPeriod.Range(day, last),
            _ => null,
        };
    }

    private static bool TryDay(ReadOnlySpan<char> text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
