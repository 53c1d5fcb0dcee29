using System.Globalization;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// /worktype, /reason, /segment, /product add|remove &lt;name&gt; (and /product edit). A duplicate name is refused; an unknown one
/// gets the list as buttons; removing an entry in use retires it so history keeps it.
/// </summary>
internal sealed class EditCatalog<TCatalog> : ICommandHandler
    where TCatalog : ICatalog, new()
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var catalog = new TCatalog();
        var (verb, rest) = ProcessArgs.Verb(args);
        var items = await catalog.ItemsAsync(ctx, ct);
        switch (verb)
        {
            case "add" or "добавить" or "new" or "новый" or "новая":
                if (rest.Length == 0)
                {
                    ctx.Ask(catalog.Command, "add", ctx.T.AskCatalogName(catalog.Kind));
                }
                else if (catalog.Add(ctx, rest, items) is { } name)
                {
                    ctx.Audit.Record($"{catalog.Command}.added", name, null, name);
                    ctx.Reply(ctx.T.CatalogAdded(catalog.Kind, name));
                }
                else
                {
                    ctx.Reply(ctx.T.CatalogDuplicate(catalog.Kind, rest));
                }

                break;
            case "edit" or "изменить" or "set" when catalog is ProductCatalog products && rest.Length > 0:
                if (await products.EditAsync(ctx, rest, items, ct) is not { } edited)
                {
                    // The products whose names come closest, each button carrying the price and category typed.
                    var (name, _, _) = ProductCatalog.Read(rest);
                    var changes = string.Join(' ', ProcessArgs.Words(rest))[name.Length..];
                    ctx.AskChoice(catalog.Command, "edit {0}" + changes, ctx.T.CatalogNotFound(catalog.Kind, name),
                        ProcessArgs.Suggest(items.Where(i => !i.IsRetired), i => i.Name, name)
                            .Take(12).Select(i => (i.Name, ProcessArgs.Ref('x', i.Id))));
                    return;
                }

                ctx.Audit.Record($"{catalog.Command}.edited", edited.Name, null, edited.Extra);
                ctx.Reply(new Reply(ctx.T.CatalogEdited(catalog.Kind, edited.Name, edited.Extra),
                    [[Button.Callback(ctx.T.CatalogListButton, CommandTable.Run(catalog.Command + "s"))]]));
                break;
            case "remove" or "убрать" or "удалить" or "delete":
                var item = Catalogs.Find(items, rest.TrimStart('#').Length > 0 && ProcessArgs.Id(rest, 'x') is null ? rest.TrimStart('#') : rest);
                if (item is null)
                {
                    ctx.AskChoice(catalog.Command, "remove {0}", ctx.T.CatalogNotFound(catalog.Kind, rest),
                        ProcessArgs.Suggest(items.Where(i => !i.IsRetired), i => i.Name, rest)
                            .Take(12).Select(i => (i.Name, ProcessArgs.Ref('x', i.Id))));
                    return;
                }

                var retired = await catalog.RemoveAsync(ctx, item.Id, ct);
                ctx.Audit.Record($"{catalog.Command}.{(retired ? "retired" : "deleted")}", item.Name, item.Name, retired ? "retired" : null);
                ctx.Reply(new Reply(ctx.T.CatalogRemoved(catalog.Kind, item.Name, retired),
                    [[Button.Callback(ctx.T.CatalogListButton, CommandTable.Run(catalog.Command + "s"))]]));
                break;
            default:
                ctx.Reply(ctx.T.HowToUse(catalog.Command));
                break;
        }
    }
}

/// <summary>The list's buttons: add (asks the name) and remove (asks to confirm, then runs the remove command).</summary>
internal sealed class CatalogButtons(CommandRunner runner) : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 3 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            || !Catalogs.All.TryGetValue((CatalogKind)kind, out var catalog)
            || !long.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        switch (args[1])
        {
            case "a":
                ctx.Ask(catalog.Command, "add", ctx.T.AskCatalogName(catalog.Kind));
                break;
            case "x":
                var item = (await catalog.ItemsAsync(ctx, ct)).FirstOrDefault(i => i.Id == id && !i.IsRetired);
                if (item is null)
                {
                    ctx.CallbackToast = ctx.T.StaleButton();
                    return;
                }

                ctx.Show(new Reply(ctx.T.CatalogRemoveConfirm(catalog.Kind, item.Name),
                    [[Button.Callback(ctx.T.Yes, $"cat:{kind}:y:{id}"), Button.Callback(ctx.T.No, CommandTable.Run(catalog.Command + "s"))]]));
                break;
            case "y":
                ctx.SourceMessageId = null;
                await runner.RunCommandAsync(ctx, catalog.Command, $"remove {ProcessArgs.Ref('x', id)}", ct);
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }
}
