using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>/lang ru|en, or the two buttons; the answer and the command menu switch at once.</summary>
internal sealed class ChooseLanguage(IOptions<CrmOptions> crm) : ICommandHandler, ICallbackHandler
{
    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (Languages.FromCode(args) is { } language)
        {
            Apply(ctx, language);
        }
        else
        {
            ctx.Reply(new Reply(ctx.T.LanguageAsk(),
                [[Button.Callback("🇷🇺 Русский", "lang:ru"), Button.Callback("🇬🇧 English", "lang:en")]]));
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 1 && Languages.FromCode(args[0]) is { } language)
        {
            Apply(ctx, language);
        }
        else
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }

        return Task.CompletedTask;
    }

    private void Apply(BotContext ctx, Language language)
    {
        var before = ctx.User.LanguageOr(crm.Value.Language);
        ctx.User.ChooseLanguage(language);
        ctx.Audit.Record(AuditActions.UserLanguage, ctx.User.DisplayName, before.Code(), language.Code());
        ctx.Show(Texts.For(language).LanguageSet());
        ctx.Menus.Refresh(ctx.User, crm.Value.Language);
    }
}
