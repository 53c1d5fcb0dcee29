using System.Globalization;
using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digest;

/// <summary>
/// /digest [week|month]: the head gets the digest now, text and funnel chart. The page buttons (`dg:d|w:date:page`)
/// redraw the same digest's other pages of managers.
/// </summary>
internal sealed class SendDigest(DigestQueries queries, IScheduleSettings settings, OutboxWriter outbox, IOptions<WebAppOptions> web) : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "dg";
    private const int PageButtons = 8;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        DigestKind? kind = args.Trim().ToLowerInvariant() switch
        {
            "" or "day" or "today" or "день" or "сегодня" => DigestKind.Daily,
            "week" or "неделя" or "неделю" or "нед" => DigestKind.Weekly,
            "month" or "месяц" or "мес" => DigestKind.Monthly,
            _ => null,
        };
        if (kind is not { } k)
        {
            ctx.Reply(ctx.T.DigestUnknownArgs(args.Trim()));
            return;
        }

        var date = DateOnly.FromDateTime(ctx.LocalNow);
        var data = await BuildAsync(k, date, ctx.Zone, ctx.Now, ct);
        var pages = DigestComposer.Pages(ctx.T, data, ctx.Zone);
        ctx.Reply(Page(ctx.T, pages, 1, k, date, web.Value.Url));
        outbox.Photo(ctx.ChatId, FunnelChart.Render(data.Funnel, ctx.T.FunnelTitle, ctx.T.Culture), Caption(ctx.T, data), $"u:{ctx.UpdateId}:chart");
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 3 || args[0] is not ("d" or "w" or "m")
            || !DateOnly.TryParseExact(args[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var page))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var kind = args[0] switch { "w" => DigestKind.Weekly, "m" => DigestKind.Monthly, _ => DigestKind.Daily };
        var pages = DigestComposer.Pages(ctx.T, await BuildAsync(kind, date, ctx.Zone, ctx.Now, ct), ctx.Zone);
        ctx.Show(Page(ctx.T, pages, Math.Clamp(page, 1, pages.Count), kind, date, web.Value.Url));
    }

    public async Task<DigestData> BuildAsync(DigestKind kind, DateOnly localDate, TimeZoneInfo zone, DateTime nowUtc, CancellationToken ct) =>
        await queries.BuildAsync(DigestPeriods.For(kind, localDate, zone, nowUtc), (await settings.GetAsync(ct)).ForgottenAfterDays, ct);

    /// <summary>
    /// One page of the digest, with buttons to the others when the team does not fit one message, and 📊 to the board's
    /// team view when the board has an address (<paramref name="boardUrl"/>).
    /// </summary>
    public static Reply Page(Texts t, IReadOnlyList<string> pages, int page, DigestKind kind, DateOnly date, string? boardUrl)
    {
        var code = kind switch { DigestKind.Weekly => "w", DigestKind.Monthly => "m", _ => "d" };
        var buttons = pages.Count == 1 ? [] : Enumerable.Range(1, pages.Count).Where(p => p != page).Take(PageButtons)
            .Select(p => Button.Callback(t.DigestPageButton(p), $"{Prefix}:{code}:{Due.Key(date)}:{p}")).Chunk(4)
            .Select(row => (IReadOnlyList<Button>)row).ToList();
        if (boardUrl is not null)
        {
            buttons.Add([Button.WebApp(t.WebMenuButton, boardUrl + "/team")]);
        }

        return new Reply(pages[page - 1], buttons);
    }

    public static string Caption(Texts t, DigestData data) => t.FunnelCaption(data.Funnel.Sum(s => s.Deals), data.Funnel.Sum(s => s.Amount));
}
