using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>The live work types a command names or falls back to.</summary>
public static class WorkTypeLookup
{
    /// <summary>A live work type by a word (see <see cref="WorkTypeWords.Match"/>); null when none is named.</summary>
    public static async Task<WorkType?> FindAsync(BotContext ctx, string word, CancellationToken ct)
    {
        if (word.Trim().Length == 0)
        {
            return null;
        }

        var live = await ctx.Db.WorkTypes.Where(w => !w.IsRetired).ToListAsync(ct);
        return WorkTypeWords.Match(live, word);
    }

    /// <summary>The call work type (the default for /plan and for the buttons), else the first live one.</summary>
    public static async Task<WorkType?> DefaultAsync(BotContext ctx, CancellationToken ct) =>
        await ctx.Db.WorkTypes.Where(w => !w.IsRetired && w.Code == "call").FirstOrDefaultAsync(ct)
        ?? await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).FirstOrDefaultAsync(ct);

    /// <summary>As <see cref="DefaultAsync"/>, for the buttons that log or plan a call: a company always keeps one live work type.</summary>
    public static async Task<WorkType> RequireDefaultAsync(BotContext ctx, CancellationToken ct) =>
        await DefaultAsync(ctx, ct) ?? throw new InvalidOperationException("There is no live work type to log or plan a contact with.");
}
