using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>The shared arithmetic of touches and planned contacts: local times, echoes, the client's next contact.</summary>
public static class Contacts
{
    /// <summary>A contact planned for a day without a time («далее пт», the "tomorrow" button) is set for this hour.</summary>
    public static readonly TimeOnly DefaultTime = new(10, 0);

    /// <summary>When a planned phrase has no time of day, the contact goes to <see cref="DefaultTime"/> of that day.</summary>
    public static DateTime PlannedUtc(BotContext ctx, WhenPhrase when) =>
        when.HasTime ? when.Utc : TimeZones.ToUtc(DateOnly.FromDateTime(when.LocalDateTime).ToDateTime(DefaultTime), ctx.Zone);

    /// <summary>
    /// When a back-dated phrase has no time («дата вчера»), the touch keeps the current time of day on that date,
    /// never later than now.
    /// </summary>
    public static DateTime HappenedUtc(BotContext ctx, WhenPhrase? at)
    {
        if (at is null)
        {
            return ctx.Now;
        }

        if (at.HasTime)
        {
            return at.Utc;
        }

        var local = DateOnly.FromDateTime(at.LocalDateTime).ToDateTime(TimeOnly.FromDateTime(ctx.LocalNow));
        var utc = TimeZones.ToUtc(local, ctx.Zone);
        return utc > ctx.Now && at.Utc <= ctx.Now ? ctx.Now : utc;
    }

    /// <summary>Tomorrow, in <paramref name="days"/> days, or next Monday — at <see cref="DefaultTime"/> in the user's zone.</summary>
    public static DateTime QuickUtc(BotContext ctx, QuickWhen when)
    {
        var today = DateOnly.FromDateTime(ctx.LocalNow);
        var day = when switch
        {
            QuickWhen.Tomorrow => today.AddDays(1),
            QuickWhen.InThreeDays => today.AddDays(3),
            _ => today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7),
        };
        return TimeZones.ToUtc(day.ToDateTime(DefaultTime), ctx.Zone);
    }

    /// <summary>«завтра, пт 4 декабря, 15:00»: a stored instant in words, in the user's zone and language.</summary>
    public static string Describe(BotContext ctx, DateTime utc, bool withTime = true)
    {
        var local = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ctx.Zone), DateTimeKind.Unspecified);
        return WhenFormatter.Describe(new WhenPhrase(local, utc, withTime, 0), ctx.Now, ctx.Zone, ctx.T.Language == Language.En ? "en" : "ru");
    }

    /// <summary>
    /// Saves what is staged, then sets the client's <see cref="Client.NextContactAt"/> to its earliest planned contact.
    /// Call after planning, completing, rescheduling or removing one.
    /// </summary>
    public static async Task RefreshNextContactAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        await ctx.Db.SaveChangesAsync(ct);
        var earliest = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status == TouchStatus.Planned)
            .MinAsync(a => a.PlannedFor, ct);
        client.SetNextContact(earliest);
    }

    public static Task<bool> HasFutureContactAsync(BotContext ctx, long clientId, CancellationToken ct) =>
        ctx.Db.Touches.AnyAsync(a => a.ClientId == clientId && a.Status == TouchStatus.Planned && a.PlannedFor > ctx.Now, ct);

    public static Task<bool> HasOpenDealAsync(BotContext ctx, long clientId, CancellationToken ct) =>
        ctx.Db.Deals.AnyAsync(d => d.ClientId == clientId && d.Status == DealStatus.Open, ct);

    /// <summary>
    /// A live work type by its code («call»), its name («Звонок», any case) or the start of either; the default
    /// ones are found by their code whatever language the company set them up in.
    /// </summary>
    public static async Task<WorkType?> FindWorkTypeAsync(BotContext ctx, string word, CancellationToken ct)
    {
        var key = word.Trim().ToLowerInvariant();
        if (key.Length == 0)
        {
            return null;
        }

        var live = await ctx.Db.WorkTypes.Where(w => !w.IsRetired).ToListAsync(ct);
        return live.FirstOrDefault(w => w.Code == key)
            ?? live.FirstOrDefault(w => w.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
            ?? live.FirstOrDefault(w => Aliases.TryGetValue(key, out var code) && w.Code == code);
    }

    /// <summary>The call work type (the default for /plan and for the buttons), else the first live one.</summary>
    public static async Task<WorkType?> DefaultWorkTypeAsync(BotContext ctx, CancellationToken ct) =>
        await ctx.Db.WorkTypes.Where(w => !w.IsRetired && w.Code == "call").FirstOrDefaultAsync(ct)
        ?? await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).FirstOrDefaultAsync(ct);

    /// <summary>Words people use for the default work types in either language.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["звонок"] = "call", ["позвонить"] = "call", ["созвон"] = "call",
        ["встреча"] = "meeting", ["meet"] = "meeting", ["встретиться"] = "meeting",
        ["демо"] = "demo", ["презентация"] = "demo",
        ["письмо"] = "email", ["e-mail"] = "email", ["mail"] = "email", ["почта"] = "email",
    };
}

public enum QuickWhen
{
    Tomorrow,
    InThreeDays,
    NextWeek,
}
