using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>/call, /meet, /demo, /email: a touch of the work type with that code, logged in one message.</summary>
internal abstract class LogTouch(string command, string workTypeCode) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var workType = await ctx.Db.WorkTypes.FirstOrDefaultAsync(w => w.Code == workTypeCode, ct);
        if (workType is null)
        {
            ctx.Reply(ctx.T.WorkTypeUnknown(workTypeCode, await LogAnyTouch.LiveCodesAsync(ctx, ct)));
            return;
        }

        if (workType.IsRetired)
        {
            throw new DomainException(DomainError.WorkTypeRetired, workType.Name);
        }

        await TouchLogging.LogCommandAsync(ctx, command, workType, args, ct);
    }
}

internal sealed class LogCall() : LogTouch("call", "call");

internal sealed class LogMeeting() : LogTouch("meet", "meeting");

internal sealed class LogDemo() : LogTouch("demo", "demo");

internal sealed class LogEmail() : LogTouch("email", "email");
