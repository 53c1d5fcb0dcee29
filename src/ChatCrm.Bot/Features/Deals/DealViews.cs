using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// What every deal reply shares: the callback prefixes (ids only), the buttons for the next step, and loading
/// the names a reply shows. Stage buttons carry ids, so a renamed stage never breaks an old message.
/// </summary>
internal static class DealViews
{
    public const string Move = "mv";
    public const string Win = "dwon";
    public const string Lose = "dlost";
    public const string Reopen = "dreo";
    public const string List = "dls";

    public static async Task<IReadOnlyList<Stage>> LiveStagesAsync(BotContext ctx, long cycleId, CancellationToken ct) =>
        StageOrder.Live(await ctx.Db.Stages.Where(s => s.CycleId == cycleId && !s.IsRetired).ToListAsync(ct));

    public static async Task<string> ClientNameAsync(BotContext ctx, Deal deal, CancellationToken ct) =>
        await ctx.Db.Clients.Where(c => c.Id == deal.ClientId).Select(c => c.Name).FirstAsync(ct);

    public static async Task<Stage> StageAsync(BotContext ctx, Deal deal, CancellationToken ct) =>
        await ctx.Db.Stages.FirstAsync(s => s.Id == deal.StageId, ct);

    /// <summary>An open deal: the other live stages to move on to, then won / lost.</summary>
    public static List<IReadOnlyList<Button>> ForOpen(BotContext ctx, Deal deal, IReadOnlyList<Stage> live)
    {
        var rows = StageRows(live.Where(s => s.Id != deal.StageId), s => $"{Move}:{deal.Id}:{s.Id}", ctx.T.Language);
        rows.Add([Button.Callback(ctx.T.WonButton, $"{Win}:{deal.Id}"), Button.Callback(ctx.T.LostButton, $"{Lose}:{deal.Id}")]);
        return rows;
    }

    /// <summary>A closed deal can always be brought back.</summary>
    public static List<IReadOnlyList<Button>> ForClosed(BotContext ctx, Deal deal) =>
        [[Button.Callback(ctx.T.ReopenButton, $"{Reopen}:{deal.Id}")]];

    /// <summary>Stage buttons; a built-in stage is labelled in <paramref name="language"/> (<see cref="BuiltInNames"/>).</summary>
    public static List<IReadOnlyList<Button>> StageRows(IEnumerable<Stage> stages, Func<Stage, string> data, Language language) =>
        Rows(stages.Select(s => (BuiltInNames.Show(s.Name, language), data(s))));

    public static List<IReadOnlyList<Button>> Rows(IEnumerable<(string Label, string Data)> options) =>
        [.. options.Select(o => Button.Callback(o.Label, o.Data)).Chunk(2).Select(r => (IReadOnlyList<Button>)r)];

    /// <summary>A stage as users name it: its name (any letter case, a built-in's in either language), the start of one name, or its position.</summary>
    public static Stage? Resolve(string text, IReadOnlyList<Stage> live)
    {
        var name = text.Trim();
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position >= 1 && position <= live.Count ? live[position - 1] : null;
        }

        var exact = live.FirstOrDefault(s => BuiltInNames.Matches(s.Name, name));
        if (exact is not null || name.Length == 0)
        {
            return exact;
        }

        var started = live.Where(s => BuiltInNames.NamesOf(s.Name).Any(n => n.StartsWith(name, StringComparison.OrdinalIgnoreCase))).ToList();
        return started.Count == 1 ? started[0] : null;
    }

    /// <summary>
    /// A callback names the deal by id; it goes through <see cref="DealFinder"/> so a forged or forwarded button
    /// for someone else's deal is refused and audited like a typed number.
    /// </summary>
    public static async Task<Deal?> FromButtonAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        ctx.User.EndDialog();
        if (args.Count == 0 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return null;
        }

        return (await DealFinder.FindAsync(ctx, args[0], ct)).Deal;
    }

    public static long? IdAt(IReadOnlyList<string> args, int index) =>
        args.Count > index && long.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
