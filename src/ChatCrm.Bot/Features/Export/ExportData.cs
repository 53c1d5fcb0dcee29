using System.Globalization;
using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Export;

/// <summary>
/// /export clients|deals|touches|payments [period] [manager | #segment | cycle &lt;name&gt;] [csv]: what the asker may see
/// as an XLSX (or CSV) file. A manager gets their own; naming another manager is refused. No period: all time.
/// Bare, it asks for the kind and then the period with buttons: `ex:k:deals`, then `ex:r:deals:M20261101` (a period
/// as <see cref="ShowReport.EncodePeriod"/> codes it, or `A` for all time).
/// </summary>
internal sealed class ExportData : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "ex";
    private const string AllTimeCode = "A";
    private static readonly string[] CsvWords = ["csv"];
    private static readonly string[] AllWords = ["all", "всё", "все", "alltime"];
    private static readonly string[] TimeWords = ["time", "время"];
    private static readonly string[] ForWords = ["за", "for"];

    private static readonly Dictionary<string, ExportKind> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["clients"] = ExportKind.Clients, ["client"] = ExportKind.Clients, ["клиенты"] = ExportKind.Clients,
        ["клиентов"] = ExportKind.Clients, ["клиент"] = ExportKind.Clients,
        ["deals"] = ExportKind.Deals, ["deal"] = ExportKind.Deals, ["сделки"] = ExportKind.Deals, ["сделок"] = ExportKind.Deals,
        ["сделка"] = ExportKind.Deals,
        ["touches"] = ExportKind.Touches, ["touch"] = ExportKind.Touches, ["касания"] = ExportKind.Touches,
        ["касаний"] = ExportKind.Touches, ["касание"] = ExportKind.Touches,
        ["payments"] = ExportKind.Payments, ["payment"] = ExportKind.Payments, ["оплаты"] = ExportKind.Payments,
        ["оплат"] = ExportKind.Payments, ["оплата"] = ExportKind.Payments, ["платежи"] = ExportKind.Payments,
        ["платежей"] = ExportKind.Payments,
    };

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
            AskKind(ctx, ctx.T.ExportAskKind());
            return;
        }

        if (!KindWords.TryGetValue(words[0], out var kind))
        {
            AskKind(ctx, ctx.T.ExportUnknownKind(words[0]));
            return;
        }

        var rest = words.Skip(1).ToList();
        ReportPeriod? period = null;
        var periodWords = "";
        var allTime = AllTimeWordCount(rest);
        if (allTime > 0)
        {
            periodWords = string.Join(' ', rest.Take(allTime));
            rest = rest.Skip(allTime).ToList();
        }
        else if (PeriodParser.TakePrefix(rest, DateOnly.FromDateTime(ctx.LocalNow)) is { } prefix)
        {
            if (prefix.Reading.Period is not { } read)
            {
                AskPeriod(ctx, kind, ctx.T.ReportBadPeriod(prefix.Reading.Problem, prefix.Reading.Unreadable));
                return;
            }

            period = read;
            periodWords = string.Join(' ', rest.Take(prefix.WordCount));
            rest = rest.Skip(prefix.WordCount).ToList();
        }

        var typed = string.Join(' ', rest);
        if (await ReportScope.FilterFromTextAsync(ctx, typed, ct) is not { } filter)
        {
            var people = await ctx.Db.Users.ActiveSalespeople().OrderBy(u => u.DisplayName).ToListAsync(ct);
            if (ctx.SeesEverything() && people.Count > 0)
            {
                Colleagues.AskWhich(ctx, "export", $"{words[0]} {periodWords} {{0}}{(csv ? " csv" : "")}", ctx.T.ReportFilterNotFound(typed), people, typed);
            }
            else
            {
                ctx.Reply(ctx.T.ReportFilterNotFound(typed));
            }

            return;
        }

        await SendAsync(ctx, kind, period, filter, csv, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var kind = args.Count >= 2 && Enum.TryParse<ExportKind>(args[1], ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (ExportKind?)null;
        if (args.Count == 2 && args[0] == "k" && kind is { } picked)
        {
            ctx.User.EndDialog();
            AskPeriod(ctx, picked, ctx.T.ExportAskPeriod(ctx.T.ExportKindName(picked)));
            return;
        }

        var period = args.Count == 3 && args[2] != AllTimeCode ? ShowReport.DecodePeriod(args[2]) : null;
        if (args.Count != 3 || args[0] != "r" || kind is null || (period is null && args[2] != AllTimeCode))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        ctx.User.EndDialog();
        ctx.SourceMessageId = null;
        await SendAsync(ctx, kind.Value, period, new ReportFilter(null, null, null), csv: false, ct);
    }

    private static async Task SendAsync(BotContext ctx, ExportKind kind, ReportPeriod? period, ReportFilter filter, bool csv, CancellationToken ct)
    {
        var kindName = ctx.T.ExportKindName(kind);
        if (!ctx.SeesEverything() && filter.ManagerId is { } other && other != ctx.User.Id)
        {
            ctx.Audit.Record(AuditActions.AccessDenied, $"export {kind.ToString().ToLowerInvariant()}", ctx.User.Role.Code(), $"user {other}");
            ctx.Reply(ctx.T.ExportOnlyOwn());
            return;
        }

        var request = new ExportRequest(kind, period, ctx.Zone, ctx.User, filter.ManagerId, filter.SegmentId, filter.CycleId);
        var inWords = await DescribeAsync(ctx, request, ct);
        var sheet = await ExportSheets.BuildAsync(ctx.Db, request, ctx.T, ct);
        var fileName = ExportFiles.FileName(kind, period, csv);

        var file = await ExportFiles.RenderAsync(sheet, csv, ct);
        ctx.Audit.Record(AuditActions.DataExported, $"{fileName}{(inWords.Filter is { } f ? " " + f : "")}", after: file.Rows.ToString(CultureInfo.InvariantCulture));
        if (file.Rows == 0)
        {
            ctx.Reply(ctx.T.ExportEmpty(kindName, inWords.All));
            return;
        }

        if (file.Content is not { } content)
        {
            ctx.Reply(ctx.T.ExportTooLarge(kindName, file.Rows, (int)Math.Ceiling(file.Size / 1_048_576.0), (int)(ExportFiles.UploadLimit / 1_048_576)));
            return;
        }

        var caption = ctx.T.ExportCaption(kindName, file.Rows, inWords.All);
        ctx.SendDocument(content, fileName, csv ? caption + "\n" + ctx.T.ReportCsvCaption(ReportFiles.CsvDelimiter.ToString()) : caption);
    }

    /// <summary>The period and the narrowing in words for the caption («ноябрь 2026, Иван»), and the narrowing alone for the audit.</summary>
    private static async Task<(string All, string? Filter)> DescribeAsync(BotContext ctx, ExportRequest r, CancellationToken ct)
    {
        var names = new List<string>();
        if (r.ManagerId is { } m)
        {
            names.Add(await ctx.Db.Users.Where(u => u.Id == m).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "?");
        }

        if (r.SegmentId is { } s)
        {
            names.Add("#" + (await ctx.Db.Segments.Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "?"));
        }

        if (r.CycleId is { } c)
        {
            names.Add(ctx.Shown(await ctx.Db.Cycles.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "?"));
        }

        var period = r.Period is { } p ? PeriodFormatter.Describe(p, ctx.T.Language) : ctx.T.ExportAllTime;
        var filter = names.Count == 0 ? null : string.Join(", ", names);
        return (filter is null ? period : $"{period}, {filter}", filter);
    }

    /// <summary>«всё», «за всё время», "all time" at the start: how many words say "no period".</summary>
    private static int AllTimeWordCount(IReadOnlyList<string> words)
    {
        var at = words.Count > 0 && ForWords.Contains(words[0], StringComparer.OrdinalIgnoreCase) ? 1 : 0;
        if (words.Count <= at || !AllWords.Contains(words[at], StringComparer.OrdinalIgnoreCase))
        {
            return 0;
        }

        return words.Count > at + 1 && TimeWords.Contains(words[at + 1], StringComparer.OrdinalIgnoreCase) ? at + 2 : at + 1;
    }

    private static string Code(ExportKind kind) => kind.ToString().ToLowerInvariant();

    private static void AskKind(BotContext ctx, string question) =>
        ctx.Ask("export", "", new Reply(question,
            [.. Enum.GetValues<ExportKind>().Select(k => Button.Callback(ctx.T.ExportKindName(k), $"{Prefix}:k:{Code(k)}")).Chunk(2)
                .Select(row => (IReadOnlyList<Button>)row)]));

    /// <summary>This month, last month, all time as buttons; a typed period answers too.</summary>
    private static void AskPeriod(BotContext ctx, ExportKind kind, string question)
    {
        var today = DateOnly.FromDateTime(ctx.LocalNow);
        var options = new[]
        {
            (ctx.T.ReportLabel("thisMonth"), ShowReport.EncodePeriod(ReportPeriod.MonthOf(today))),
            (ctx.T.ReportLabel("lastMonth"), ShowReport.EncodePeriod(ReportPeriod.MonthOf(today.AddMonths(-1)))),
            (ctx.T.ExportAllTimeButton, AllTimeCode),
        };
        ctx.Ask("export", Code(kind), new Reply(question,
            [[.. options.Select(o => Button.Callback(o.Item1, $"{Prefix}:r:{Code(kind)}:{o.Item2}"))]]));
    }
}
