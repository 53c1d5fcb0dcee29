using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>/worktypes, /reasons, /segments, /products: the live entries, with buttons to add and remove.</summary>
internal sealed class ShowCatalog<TCatalog> : ICommandHandler
    where TCatalog : ICatalog, new()
{
    private const int MaxButtons = 30;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var catalog = new TCatalog();
        var items = await catalog.ItemsAsync(ctx, ct);
        var live = items.Where(i => !i.IsRetired).ToList();
        var text = new StringBuilder(ctx.T.CatalogTitle(catalog.Kind, live.Count));
        foreach (var item in live)
        {
            text.Append('\n').Append(ctx.T.CatalogLine(catalog.Kind, item.Name, item.Extra ?? ""));
        }

        var retired = items.Count - live.Count;
        if (retired > 0)
        {
            text.Append("\n\n").Append(ctx.T.CatalogRetiredCount(retired));
        }

        text.Append("\n\n").Append(ctx.T.CatalogFooter(catalog.Kind));
        var kind = (int)catalog.Kind;
        List<IReadOnlyList<Button>> rows = [.. live.Take(MaxButtons)
            .Select(i => Button.Callback($"🗑 {i.Name}", $"cat:{kind}:x:{i.Id}"))
            .Chunk(2).Select(r => (IReadOnlyList<Button>)r)];
        rows.Insert(0, [Button.Callback(ctx.T.CatalogAddButton, $"cat:{kind}:a:0")]);
        ctx.Show(new Reply(text.ToString(), rows));
    }
}
