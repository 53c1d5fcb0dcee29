using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>/audit [n]: the last n changes and refusals (who, what, before → after, when), newest first, paged.</summary>
internal sealed class ShowAudit : ICommandHandler, ICallbackHandler
{
    private const int DefaultCount = 50;
    private const int MaxCount = 1000;
    private const int PageSize = 10;

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var n = ProcessArgs.Number(args) ?? DefaultCount;
        return ShowAsync(ctx, Math.Clamp(n, 1, MaxCount), 1, ct);
    }

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct) =>
        args.Count == 2 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            ? ShowAsync(ctx, Math.Clamp(n, 1, MaxCount), page, ct)
            : Stale(ctx);

    private static async Task ShowAsync(BotContext ctx, int n, int page, CancellationToken ct)
    {
        var total = Math.Min(n, await ctx.Db.Audit.CountAsync(ct));
        if (total == 0)
        {
            ctx.Show(ctx.T.AuditEmpty());
            return;
        }

        var pages = (total + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pages);
        var take = Math.Min(PageSize, total - ((page - 1) * PageSize));
        var rows = await ctx.Db.Audit
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(take)
            .ToListAsync(ct);
        var actorIds = rows.Where(a => a.ActorUserId != null).Select(a => a.ActorUserId!.Value).Distinct().ToList();
        var names = await ctx.Db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var text = new StringBuilder(ctx.T.AuditHeader(total, page, pages));
        foreach (var a in rows)
        {
            var who = a.ActorUserId is { } id && names.TryGetValue(id, out var name) ? name : a.ActorTelegramId.ToString(CultureInfo.InvariantCulture);
            text.Append("\n\n").Append(ctx.T.AuditLine(TimeZones.ToLocal(a.At, ctx.Zone), who, a.Action, Clip(a.Subject), Clip(a.Before), Clip(a.After)));
        }

        ctx.Show(new Reply(text.ToString(), Pager.Keyboard(ctx.T, page, pages, p => $"audit:{n}:{p}")));
    }

    /// <summary>Ten rows must fit one message; the full value stays in the table.</summary>
    private static string Clip(string? value) => value is { Length: > 120 } ? value[..119] + "…" : value ?? "";

    private static Task Stale(BotContext ctx)
    {
        ctx.CallbackToast = ctx.T.StaleButton();
        return Task.CompletedTask;
    }
}
