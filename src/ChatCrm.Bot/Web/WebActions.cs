using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Web;

/// <summary>
/// A change made on the board is a button of the chat pressed by the same person: it runs through the same
/// <see cref="CommandRunner"/> (the one place roles are checked, the same visibility, the same rules, the same audit
/// and /undo), in one transaction of its own. The difference is only where the answer goes: what the chat would have
/// said to the user comes back to the page (<see cref="WebOutcome"/>); what others are told (the deal's owner) goes
/// through the outbox as ever.
/// </summary>
public sealed class WebActions(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider time, IOptions<CrmOptions> crm,
    ILogger<WebActions> log)
{
    /// <summary>Presses a button (callback data) as <paramref name="userId"/>; null when that user may not act at all.</summary>
    public Task<WebOutcome?> PressAsync(long userId, string data, CancellationToken ct) =>
        RunAsync(userId, (ctx, runner) => runner.RunCallbackAsync(ctx, data, ct), ct);

    /// <summary>Types a command as <paramref name="userId"/> (the board's client search runs /card this way).</summary>
    public Task<WebOutcome?> CommandAsync(long userId, string name, string args, CancellationToken ct) =>
        RunAsync(userId, (ctx, runner) => runner.RunCommandAsync(ctx, name, args, ct), ct);

    /// <summary>
    /// Types an answer to the question the user was last asked (a lost deal's reason): the same as typing it in the chat.
    /// With no question waiting, the page is told so and nothing runs.
    /// </summary>
    public Task<WebOutcome?> AnswerAsync(long userId, string text, CancellationToken ct) =>
        RunAsync(userId, async (ctx, runner) =>
        {
            if (ctx.User.ActiveDialog(ctx.Now) is not { } dialog)
            {
                ctx.Reply(ctx.T.WebNoQuestion());
                return;
            }

            ctx.User.EndDialog();
            await runner.RunCommandAsync(ctx, dialog.Command, Dialogs.Answer(dialog.Args, text), ct);
        }, ct);

    private async Task<WebOutcome?> RunAsync(long userId, Func<BotContext, CommandRunner, Task> action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await RunOnceAsync(userId, action, ct);
                signal.Notify();
                return outcome;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // Someone changed the same row between our read and our save: nothing of ours is committed, run afresh.
                log.LogInformation("A board action of user {UserId} met a concurrent change; running it again", userId);
            }
        }
    }

    private async Task<WebOutcome?> RunOnceAsync(long userId, Func<BotContext, CommandRunner, Task> action, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ChatCrmDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is not { IsActive: true })
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var texts = Texts.For(user.LanguageOr(crm.Value.Language));
        var ctx = new BotContext(db, services.GetRequiredService<OutboxWriter>(), user, texts, 0, now, $"w:{Guid.NewGuid():N}:", answersToPage: true);
        await action(ctx, services.GetRequiredService<CommandRunner>());
        ctx.Undo.RecordIrreversibleChange();
        var asking = user.ActiveDialog(now) is not null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new WebOutcome([.. ctx.PageAnswers.Select(PageAnswer.From)], ctx.CallbackToast, asking);
    }
}

/// <param name="Answers">What the chat would have said to the user, in order.</param>
/// <param name="Toast">The short note a button tap shows (a refusal, a stale button).</param>
/// <param name="Asking">A typed answer is awaited (a lost deal's reason, say): the page offers a text box.</param>
public sealed record WebOutcome(IReadOnlyList<PageAnswer> Answers, string? Toast, bool Asking);

/// <summary>A reply as the page shows it: plain text (the page never takes markup from a message) and its buttons.</summary>
public sealed record PageAnswer(string Text, IReadOnlyList<IReadOnlyList<PageButton>> Buttons)
{
    public static PageAnswer From(Reply reply) =>
        new(Html.PlainText(reply.Html), [.. reply.Buttons.Select(row => (IReadOnlyList<PageButton>)[.. row.Select(b => new PageButton(b.Text, b.Data, b.Url))])]);
}

public sealed record PageButton(string Text, string? Data, string? Url);
