using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Records;
using ChatCrm.Bot.Features.Scenarios;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// /card &lt;client&gt; (or <c>card:&lt;id&gt;</c>): who owns it, segment, contacts, open deals with stage, amount and
/// days in stage, the last touches, the next planned contact — and buttons for the next actions.
/// </summary>
internal sealed class ShowCard(ListClients list) : ICommandHandler, ICallbackHandler
{
    private const int MaxDeals = 8;
    private const int MaxTouches = 5;
    private const int NoteInCard = 200;
    private const string Refresh = "r";

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            await list.HandleAsync(ctx, "", ct);
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (!ClientFinder.AskIfUnsettled(ctx, lookup, "card", TouchLogging.Query(args)))
        {
            ctx.Reply(await RenderAsync(ctx, lookup.Client!, ct));
        }
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var client = args.Count is 1 or 2 && long.TryParse(args[0], CultureInfo.InvariantCulture, out var id)
            ? await ctx.VisibleClients().FirstOrDefaultAsync(c => c.Id == id, ct)
            : null;
        if (client is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        // The refresh button redraws the card in place; a card opened from a list or an echo comes as a new message.
        ctx.Answer(await RenderAsync(ctx, client, ct), edit: args.Count == 2 && args[1] == Refresh);
    }

    public static async Task<Reply> RenderAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        var owner = client.OwnerUserId is { } ownerId
            ? await ctx.Db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var segment = client.SegmentId is { } segmentId
            ? await ctx.Db.Segments.Where(s => s.Id == segmentId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
        var text = new StringBuilder(ctx.T.CardHeader(client.Name, segment, owner, ctx.T.Ago(client.CreatedAt, ctx.Now)));
        var contacts = CreateClient.Contacts(client);
        if (contacts.Length > 0)
        {
            text.Append('\n').Append(ctx.T.CardContacts(contacts));
        }

        await CardRecords.AppendDetailsAsync(ctx, client, text, ct);
        await AppendDealsAsync(ctx, client, text, ct);
        await CardRecords.AppendClosedAsync(ctx, client, text, ct);
        await AppendTouchesAsync(ctx, client, text, ct);
        await AppendNextAsync(ctx, client, text, ct);

        return new Reply(text.ToString(),
        [
            ClientActions.Row(ctx, client.Id),
            [Button.Callback(ctx.T.RefreshButton, TouchLogging.Card(client.Id) + ":" + Refresh)],
        ]);
    }

    private static async Task AppendDealsAsync(BotContext ctx, Client client, StringBuilder text, CancellationToken ct)
    {
        var open = ctx.VisibleDeals().Where(d => d.ClientId == client.Id && d.Status == DealStatus.Open);
        var total = await open.CountAsync(ct);
        if (total == 0)
        {
            text.Append("\n\n").Append(ctx.T.CardNoDeals());
            return;
        }

        var deals = await open
            .Join(ctx.Db.Stages, d => d.StageId, s => s.Id, (d, s) => new { Deal = d, Stage = s.Name })
            .OrderBy(x => x.Deal.OpenedAt).ThenBy(x => x.Deal.Id)
            .Take(MaxDeals).ToListAsync(ct);
        var progress = await ScenarioBook.ProgressAsync(ctx.Db, [.. deals.Select(d => d.Deal)], ct);
        text.Append("\n\n").Append(ctx.T.CardDealsHeader(total));
        foreach (var d in deals)
        {
            text.Append('\n').Append(ctx.T.CardDeal((int)d.Deal.Id, d.Deal.Title, d.Stage, d.Deal.Amount, d.Deal.Currency, d.Deal.DaysInStage(ctx.Now)))
                .Append(progress.GetValueOrDefault(d.Deal.Id) is { } p ? ctx.T.ScenarioProgressMark(p.Done, p.Total) : "");
        }

        if (total > deals.Count)
        {
            text.Append('\n').Append(ctx.T.AndMore(total - deals.Count));
        }
    }

    private static async Task AppendTouchesAsync(BotContext ctx, Client client, StringBuilder text, CancellationToken ct)
    {
        var touches = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status == TouchStatus.Done)
            .Join(ctx.Db.WorkTypes, a => a.WorkTypeId, w => w.Id, (a, w) => new { a.Id, a.HappenedAt, a.Note, WorkType = w.Name })
            .OrderByDescending(x => x.HappenedAt).ThenByDescending(x => x.Id)
            .Take(MaxTouches).ToListAsync(ct);
        if (touches.Count == 0)
        {
            text.Append("\n\n").Append(ctx.T.CardNoTouches());
            return;
        }

        text.Append("\n\n").Append(ctx.T.CardTouchesHeader());
        foreach (var t in touches)
        {
            var note = t.Note.Length <= NoteInCard ? t.Note : t.Note[..NoteInCard] + "…";
            text.Append('\n').Append(ctx.T.CardTouch(ctx.Shown(t.WorkType), ctx.T.Ago(t.HappenedAt!.Value, ctx.Now), note));
        }
    }

    private static async Task AppendNextAsync(BotContext ctx, Client client, StringBuilder text, CancellationToken ct)
    {
        var next = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status == TouchStatus.Planned)
            .Join(ctx.Db.WorkTypes, a => a.WorkTypeId, w => w.Id, (a, w) => new { a.Id, a.PlannedFor, a.Note, WorkType = w.Name })
            .OrderBy(x => x.PlannedFor).ThenBy(x => x.Id)
            .FirstOrDefaultAsync(ct);
        text.Append("\n\n").Append(next is null
            ? ctx.T.CardNoNext()
            : ctx.T.CardNext(ctx.Shown(next.WorkType), ctx.InWords(next.PlannedFor!.Value), next.PlannedFor < ctx.Now,
                next.Note.Length <= NoteInCard ? next.Note : next.Note[..NoteInCard] + "…"));
    }
}
