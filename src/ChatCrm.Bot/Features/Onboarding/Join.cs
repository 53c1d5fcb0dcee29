using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Commands;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Onboarding;

/// <summary>
/// A person the bot does not know wrote to it. With a valid invite (`/start code`) they join with the
/// invite's role; without one they get a polite refusal and nothing of theirs is stored.
/// </summary>
internal sealed class Join(ChatCrmDbContext db, OutboxWriter outbox, TimeProvider time, IOptions<CrmOptions> crm, IOptions<WebAppOptions> web)
{
    public async Task<bool> HandleAsync(long updateId, Telegram.Bot.Types.User from, long chatId, CommandLine? command, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var texts = Texts.For(Languages.Pick(null, from.LanguageCode, crm.Value.Language));
        var code = command is { Name: "start" } ? command.Args : "";
        if (code.Length == 0)
        {
            outbox.Message(chatId, texts.Stranger(), $"u:{updateId}:0");
            return false;
        }

        var invite = await db.Invites.FirstOrDefaultAsync(i => i.Code == code, ct);
        var state = invite?.StateAt(now);
        if (invite is null || state != InviteState.Valid)
        {
            outbox.Message(chatId, texts.InviteNotValid(state ?? InviteState.Valid), $"u:{updateId}:0");
            return false;
        }

        // Claimed with a conditional update before anything else is written: when two people redeem one code at
        // once, PostgreSQL makes the second wait for the first and then finds the code used (SQLite serialises them).
        var claimed = await db.Invites.Where(i => i.Id == invite.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        if (claimed == 0)
        {
            outbox.Message(chatId, texts.InviteNotValid(InviteState.Used), $"u:{updateId}:0");
            return false;
        }

        // The claim wrote the row behind the tracked invite's back, so the entity is stale (its row version on
        // PostgreSQL too): it is not saved again; who redeemed it is written by one more statement below.
        db.Entry(invite).State = EntityState.Detached;
        var user = User.Create(from.Id, TelegramNames.FullName(from), invite.Role, crm.Value.DefaultTimeZone, now);
        user.Seen(chatId, TelegramNames.FullName(from), from.Username, from.LanguageCode, now);
        // /invite staff <dept>: into that department, unless it was removed since (then sales, like everyone else).
        if (invite.DepartmentId is { } departmentId && await db.Departments.AnyAsync(d => d.Id == departmentId && !d.IsRetired, ct))
        {
            user.JoinDepartment(departmentId);
        }

        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await db.Invites.Where(i => i.Id == invite.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedByUserId, user.Id), ct);

        var ctx = new BotContext(db, outbox, user, texts, updateId, now, web.Value.Url);
        ctx.Audit.Record(AuditActions.UserJoined, user.DisplayName, after: invite.Role.Code());
        ctx.Reply(new Reply(texts.Welcome(user.DisplayName, user.Role), [[Button.Callback("📋 /menu", CommandTable.Run("menu"))]]));
        ctx.Menus.Refresh(user, crm.Value.Language);
        return true;
    }
}
