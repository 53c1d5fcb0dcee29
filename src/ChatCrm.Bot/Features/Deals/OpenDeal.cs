using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// /deal &lt;client&gt; &lt;amount&gt; [title] [cycle &lt;name&gt;]: opens a deal in the first live stage of the default
/// cycle (or the named one). A client not settled is asked with buttons, a missing amount is asked for; an
/// amount that is not a positive ruble sum is refused before anything is stored.
/// </summary>
internal sealed class OpenDeal(IOptions<CrmOptions> crm) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            ctx.Ask("deal", "", ctx.T.DealAskClient());
            return;
        }

        if (DealLines.Parse(args) is { } edit)
        {
            await DealLines.HandleAsync(ctx, edit, ct);
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (ClientFinder.AskIfUnsettled(ctx, lookup, "deal", ClientPart(args)))
        {
            return;
        }

        var client = lookup.Client!;
        var rest = lookup.Rest;
        string? cycleName = null;
        if (DealArgs.SplitAt(rest, DealArgs.CycleWords) is { After.Length: > 0 } split)
        {
            (rest, cycleName) = split;
        }

        var cycleSuffix = cycleName is null ? "" : $" {DealArgs.CycleWords[0]} {cycleName}";
        var anotherConfirmed = false;
        if (Marker(ref rest, '!') is { } answer)
        {
            // The answer to "already has an open deal — open another?".
            if (answer is ['d', .. var number] && long.TryParse(number, CultureInfo.InvariantCulture, out var shown))
            {
                await ShowDealAsync(ctx, shown, ct);
                return;
            }

            anotherConfirmed = answer.ToLowerInvariant() is "new" or "да" or "yes" or "ещё" or "еще" or "another";
            if (!anotherConfirmed && rest.IndexOf('=', StringComparison.Ordinal) is > 0 and var typedTail)
            {
                rest = rest[typedTail..]; // words typed instead of a tap: the question is asked again
            }
        }

        var reading = ReadAmount(ctx, client, rest, cycleSuffix, crm.Value.Currency);
        if (reading is null)
        {
            return;
        }

        var (amount, title) = reading.Value;
        var confirmedPrefix = anotherConfirmed ? "!new " : "";
        var products = await DealLines.LiveProductsAsync(ctx, ct);
        Product? product;
        var asked = false;
        decimal value;
        if (amount is null)
        {
            // A product with a catalogue price stands for the amount: /deal Ромашка станок.
            product = title.Length == 0 ? null : DealLines.ForTitle(ctx, products, title, $"#c{client.Id} {confirmedPrefix}{{0}}{cycleSuffix}", out asked);
            if (asked)
            {
                return;
            }

            if (product?.Price is not { } price)
            {
                ctx.Ask("deal", $"#c{client.Id} {confirmedPrefix}={{0}} {title}{cycleSuffix}".Trim(), ctx.T.DealAskAmount(client.Name));
                return;
            }

            value = price;
        }
        else
        {
            value = amount.Value;
            product = title.Length == 0 ? null
                : DealLines.ForTitle(ctx, products, title, $"#c{client.Id} {confirmedPrefix}={Plain(value)} {{0}}{cycleSuffix}", out asked);
            if (asked)
            {
                return;
            }
        }

        if (DealLines.IsProductRef(title))
        {
            title = product?.Name ?? "";
        }

        var cycle = await CycleAsync(ctx, cycleName, ct);
        if (cycle is null)
        {
            var names = await ctx.Db.Cycles.Where(c => !c.IsRetired).OrderBy(c => c.Id).Select(c => c.Name).ToListAsync(ct);
            ctx.Reply(ctx.T.DealCycleNotFound(cycleName ?? "", string.Join(", ", names)));
            return;
        }

        var live = await DealViews.LiveStagesAsync(ctx, cycle.Id, ct);
        if (StageOrder.First(live) is not { } first)
        {
            ctx.Reply(ctx.T.CycleHasNoStages(cycle.Name));
            return;
        }

        if (!anotherConfirmed && await AskIfAlreadyOpenAsync(ctx, client, $"={Plain(value)} {title}{cycleSuffix}", ct))
        {
            return;
        }

        var (deal, opened) = Deal.Open(client, cycle, first, value, crm.Value.Currency, title.Length == 0 ? null : title,
            client.OwnerUserId ?? ctx.User.Id, ctx.Now, ctx.User.Id);
        ctx.Db.Deals.Add(deal);
        ctx.Db.StageChanges.Add(opened);
        await ctx.Db.SaveChangesAsync(ct); // the number the reply shows
        var lineText = "";
        if (product is not null)
        {
            // The product named becomes the deal's one line, at the amount typed (or the catalogue price).
            var line = deal.AddLine(product, 1, value, [], ctx.Now);
            ctx.Db.DealLines.Add(line);
            lineText = "\n" + ctx.T.DealLineRow(product.Name, line.Quantity, line.UnitPrice, line.Amount, deal.Currency);
        }

        ctx.Undo.Record(UndoDealOpened.DealOpenedKind, deal.Id.ToString(CultureInfo.InvariantCulture), ctx.T.UndoDealOpened(deal.Id));
        ctx.Audit.Record(AuditActions.DealOpen, $"deal #{deal.Id}", null, $"{client.Name}; {deal.Amount.ToString(CultureInfo.InvariantCulture)} {deal.Currency}; {first.Name}");
        ctx.Reply(new Reply(
            ctx.T.DealOpened(deal.Id, deal.Title, client.Name, deal.Amount, deal.Currency, BuiltInNames.Show(first.Name, ctx.T.Language), cycle.IsDefault ? null : cycle.Name) + lineText,
            DealViews.ForOpen(ctx, deal, live)));
        await StageArrivals.FollowAsync(ctx, deal, ct);
    }

    /// <summary>
    /// The amount and the title, read so that nothing money-like ends up in the title unnoticed. Null when the user
    /// has been asked or answered. Earlier answers come back as markers: <c>=&lt;amount&gt; title</c> (the amount
    /// confirmed, the rest is the title as it stands) and <c>~o&lt;n&gt; text</c> (reading n of the doubt about text).
    /// </summary>
    private static (decimal? Amount, string Title)? ReadAmount(BotContext ctx, Client client, string rest, string cycleSuffix, string currency)
    {
        if (rest.StartsWith('='))
        {
            var typed = rest[1..];
            if (AmountParser.TryParsePrefix(typed) is not { } confirmed)
            {
                ctx.Reply(ctx.T.AmountUnreadable(FirstWord(typed)));
                return null;
            }

            return (confirmed.Value, typed[confirmed.Length..].Trim());
        }

        if (Marker(ref rest, '~') is { } pick)
        {
            var doubted = DealText.Read(rest);
            var options = doubted.Doubt?.Options ?? [new AmountReading(doubted.Amount ?? 0, doubted.Title)];
            if (pick == "oe")
            {
                ctx.Ask("deal", $"#c{client.Id} ={{0}} {options[0].Title}{cycleSuffix}", ctx.T.DealAskAmount(client.Name));
                return null;
            }

            if (pick is ['o', var digit] && digit - '0' is var n and >= 0 && n < options.Count && options[n].Amount > 0)
            {
                return (options[n].Amount, options[n].Title);
            }

            // A typed answer to the question: the amount typed, the likeliest title.
            if (AmountParser.TryParse(pick) is { } typedAmount)
            {
                return (typedAmount, options[0].Title);
            }

            ctx.Reply(ctx.T.AmountUnreadable(pick));
            return null;
        }

        if (LooksLikeAmount(rest) && AmountParser.TryParsePrefix(rest) is null)
        {
            ctx.Reply(ctx.T.AmountUnreadable(FirstWord(rest)));
            return null;
        }

        var reading = DealText.Read(rest);
        if (reading.Doubt is not { } doubt)
        {
            return (reading.Amount, reading.Title);
        }

        var lines = doubt.Options.Select((o, k) => ctx.T.DealAmountOption(k + 1, o.Amount, currency, o.Title));
        var buttons = doubt.Options.Select((o, k) => (ctx.T.AmountOptionButton(k + 1, o.Amount, currency), $"o{k}"))
            .Append((ctx.T.OtherAmountButton, "oe"));
        ctx.AskChoice("deal", $"#c{client.Id} ~{{0}} {rest}{cycleSuffix}",
            ctx.T.DealAmountDoubt(client.Name, doubt.Fragment) + "\n" + string.Join('\n', lines), buttons);
        return null;
    }

    /// <summary>
    /// The same client with an open deal is asked about before a second one opens: [open another] [show #N]. The
    /// answer re-runs /deal with <paramref name="confirmedArgs"/>, so the deal opens exactly as read.
    /// </summary>
    private static async Task<bool> AskIfAlreadyOpenAsync(BotContext ctx, Client client, string confirmedArgs, CancellationToken ct)
    {
        var open = await ctx.VisibleDeals().Where(d => d.ClientId == client.Id && d.Status == DealStatus.Open)
            .OrderByDescending(d => d.Id).ToListAsync(ct);
        if (open.Count == 0)
        {
            return false;
        }

        var latest = open[0];
        ctx.AskChoice("deal", $"#c{client.Id} !{{0}} {confirmedArgs}",
            ctx.T.DealDuplicateAsk(client.Name, latest.Id, latest.Title, latest.Amount, latest.Currency, open.Count),
            [(ctx.T.OpenAnotherDealButton, "new"), (ctx.T.ShowDealButton(latest.Id), $"d{latest.Id.ToString(CultureInfo.InvariantCulture)}")]);
        return true;
    }

    private static async Task ShowDealAsync(BotContext ctx, long id, CancellationToken ct)
    {
        if (await ctx.VisibleDeals().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } deal)
        {
            ctx.Reply(ctx.T.DealAskNumber("deals"));
            return;
        }

        var client = await DealViews.ClientNameAsync(ctx, deal, ct);
        var stage = await DealViews.StageAsync(ctx, deal, ct);
        var text = ctx.T.DealsStage(BuiltInNames.Show(stage.Name, ctx.T.Language), null) + "\n" + ctx.T.DealsLine(deal.Id, deal.Title, client, deal.Amount, deal.Currency, deal.DaysInStage(ctx.Now), null);
        ctx.Reply(new Reply(text.TrimStart('\n'), deal.Status == DealStatus.Open
            ? DealViews.ForOpen(ctx, deal, await DealViews.LiveStagesAsync(ctx, deal.CycleId, ct))
            : DealViews.ForClosed(ctx, deal)));
    }

    /// <summary>Takes a marker word such as <c>!new</c> or <c>~o1</c> off the front: the word after the sign, or null.</summary>
    private static string? Marker(ref string rest, char sign)
    {
        if (!rest.StartsWith(sign))
        {
            return null;
        }

        var parts = rest[1..].Split(' ', 2, StringSplitOptions.TrimEntries);
        rest = parts.Length > 1 ? parts[1] : "";
        return parts[0];
    }

    private static string Plain(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The default cycle, or the one named (a retired one is found too, so the rule can say it is archived).</summary>
    private static async Task<SalesCycle?> CycleAsync(BotContext ctx, string? name, CancellationToken ct)
    {
        var cycles = await ctx.Db.Cycles.OrderBy(c => c.IsRetired).ThenBy(c => c.Id).ToListAsync(ct);
        return name is null
            ? cycles.FirstOrDefault(c => c.IsDefault && !c.IsRetired) ?? cycles.FirstOrDefault(c => !c.IsRetired)
            : cycles.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>«-150к», «0», «150км», «$100» are amounts gone wrong, not a title to ask an amount for.</summary>
    private static bool LooksLikeAmount(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && (char.IsAsciiDigit(t[0]) || (t[0] is '-' or '−' or '–' or '+' or '$' or '€' && t.Length > 1));
    }

    private static string FirstWord(string text) =>
        text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? text;

    /// <summary>What the user typed for the client: everything before the amount.</summary>
    private static string ClientPart(string args)
    {
        var words = args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = words.TakeWhile(w => !LooksLikeAmount(w));
        var part = string.Join(' ', name);
        return part.Length == 0 ? args.Trim() : part;
    }
}
