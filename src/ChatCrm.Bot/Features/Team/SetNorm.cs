using System.Text;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using ChatCrm.Core.Domain.Users;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /norm &lt;work type&gt; &lt;count&gt; day|week [person|department]: how many touches of a kind are expected — of
/// everyone (the company's norm), of a department's people or of one person; 0 or off removes that scope's norm, and the
/// next wider one applies again (<see cref="NormBook"/>). Without arguments: the company's norms, then each department's
/// and person's overrides. A missing period or an unknown work type, person or department is asked with buttons.
/// </summary>
internal sealed class SetNorm : ICommandHandler
{
    private static readonly string[] DayWords = ["day", "daily", "день", "дн", "ежедневно", "d", "д"];
    private static readonly string[] WeekWords = ["week", "weekly", "неделя", "неделю", "нед", "w", "н"];
    private static readonly string[] OffWords = ["off", "выкл", "нет", "снять"];

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var words = ProcessArgs.Words(args).Where(w => w is not ("в" or "на" or "per" or "a" or "для" or "for")).ToList();
        if (words.Count == 0)
        {
            await ListAsync(ctx, ct);
            return;
        }

        var at = words.FindIndex(1, w => ProcessArgs.Number(w) is not null || OffWords.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (at < 0)
        {
            ctx.Reply(ctx.T.HowToUse("norm"));
            return;
        }

        var count = ProcessArgs.Number(words[at]) ?? 0;
        if (count is < 0 or > TouchNorm.MaxCount)
        {
            ctx.Reply(ctx.T.Error(DomainError.InvalidCount, words[at]));
            return;
        }

        var name = string.Join(' ', words[..at]);
        var rest = words[(at + 1)..];
        var period = rest.Count > 0 ? Period(rest[0]) : null;
        if (period is not null)
        {
            rest = rest[1..];
        }
        else if (rest.Count > 0 && Period(rest[^1]) is { } last)
        {
            (period, rest) = (last, rest[..^1]);
        }

        var scopeText = string.Join(' ', rest);
        var periodWord = period switch { NormPeriod.Week => "week", NormPeriod.Day => "day", _ => "" };
        var workTypes = await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).ToListAsync(ct);
        var workType = WorkTypeWords.Match(workTypes, name) ?? workTypes.FirstOrDefault(w => ProcessArgs.Same(w.Name, name));
        if (workType is null)
        {
            ctx.AskChoice("norm", $"{{0}} {count} {periodWord} {scopeText}".TrimEnd(), ctx.T.CatalogNotFound(CatalogKind.WorkType, name),
                ProcessArgs.Suggest(workTypes, w => w.Name, name).Select(w => (ctx.Shown(w.Name), w.Code)));
            return;
        }

        var scope = await ScopeAsync(ctx, scopeText, ct);
        if (scope is null)
        {
            await AskScopeAsync(ctx, $"{workType.Code} {count} {periodWord} {{0}}", scopeText, ct);
            return;
        }

        if (!MaySet(ctx.User, scope))
        {
            ctx.Reply(ctx.T.NormNotYourDepartment(scope.Name));
            return;
        }

        if (period is null)
        {
            ctx.AskChoice("norm", $"{workType.Code} {count} {{0}} {scope.Ref}".TrimEnd(), ctx.T.AskNormPeriod(ctx.Shown(workType.Name), count),
                [(ctx.T.NormPerDay, "day"), (ctx.T.NormPerWeek, "week")]);
            return;
        }

        Apply(ctx, workType, count, period.Value, scope, await FindAsync(ctx, workType.Id, period.Value, scope, ct));
    }

    private static NormPeriod? Period(string word) =>
        WeekWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? NormPeriod.Week
        : DayWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? NormPeriod.Day
        : null;

    private static void Apply(BotContext ctx, WorkType workType, int count, NormPeriod period, Scope scope, TouchNorm? norm)
    {
        var weekly = period == NormPeriod.Week;
        var shown = ctx.Shown(workType.Name);
        var subject = $"{workType.Code}/{(weekly ? "week" : "day")}{scope.Subject}";
        if (count == 0)
        {
            if (norm is null)
            {
                ctx.Reply(ctx.T.NormWasNotSet(shown, weekly));
                return;
            }

            ctx.Db.Norms.Remove(norm);
            ctx.Audit.Record(AuditActions.NormRemoved, subject, StageCommand.N(norm.Count), null);
            ctx.Reply(scope.Name is { } whose ? ctx.T.NormRemovedFor(shown, weekly, whose) : ctx.T.NormRemoved(shown, weekly));
            return;
        }

        var before = norm?.Count;
        if (norm is null)
        {
            ctx.Db.Norms.Add(TouchNorm.Create(workType.Id, count, period, scope.UserId, scope.DepartmentId));
        }
        else
        {
            norm.Change(count, period);
        }

        ctx.Audit.Record(AuditActions.NormSet, subject, before is { } b ? StageCommand.N(b) : null, StageCommand.N(count));
        ctx.Reply(new Reply(scope.Name is { } name ? ctx.T.NormSetFor(shown, count, weekly, name) : ctx.T.NormSet(shown, count, weekly),
            [[Button.Callback(ctx.T.TeamButton, CommandTable.Run("team"))]]));
    }

    private static Task<TouchNorm?> FindAsync(BotContext ctx, long workTypeId, NormPeriod period, Scope scope, CancellationToken ct) =>
        scope switch
        {
            { UserId: { } user } => ctx.Db.Norms.FirstOrDefaultAsync(n => n.WorkTypeId == workTypeId && n.Period == period && n.UserId == user, ct),
            { DepartmentId: { } dept } => ctx.Db.Norms.FirstOrDefaultAsync(n => n.WorkTypeId == workTypeId && n.Period == period && n.DepartmentId == dept, ct),
            _ => ctx.Db.Norms.FirstOrDefaultAsync(n => n.WorkTypeId == workTypeId && n.Period == period && n.UserId == null && n.DepartmentId == null, ct),
        };

    /// <summary>
    /// Whose norm: nobody named is the company; a button's #u7 / #d3, an @username, a department's name, then a
    /// colleague's name. Null when the text names no one (the caller asks).
    /// </summary>
    private static async Task<Scope?> ScopeAsync(BotContext ctx, string text, CancellationToken ct)
    {
        if (text.Length == 0)
        {
            return Scope.Company;
        }

        if (ProcessArgs.Id(text, 'd') is { } departmentId)
        {
            return await ctx.Db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId && !d.IsRetired, ct) is { } byId ? Scope.Of(byId) : null;
        }

        var people = await Colleagues.ActiveAsync(ctx, ct);
        if (ProcessArgs.Id(text, 'u') is not null || text.StartsWith('@'))
        {
            return Colleagues.Find(people, text) is { } user ? Scope.Of(user) : null;
        }

        var key = NamedItem.Key(text);
        var departments = await ctx.Db.Departments.Where(d => !d.IsRetired).ToListAsync(ct);
        if (departments.FirstOrDefault(d => NamedItem.Key(d.Name) == key) is { } department)
        {
            return Scope.Of(department);
        }

        return Colleagues.Find(people, text) is { } person ? Scope.Of(person) : null;
    }

    private static async Task AskScopeAsync(BotContext ctx, string template, string query, CancellationToken ct)
    {
        var departments = await ctx.Db.Departments.Where(d => !d.IsRetired).OrderBy(d => d.Name).ToListAsync(ct);
        var people = await Colleagues.ActiveAsync(ctx, ct);
        var options = ProcessArgs.Suggest(departments, d => d.Name, query).Take(6).Select(d => ("🏢 " + d.Name, ProcessArgs.Ref('d', d.Id)))
            .Concat(ProcessArgs.Suggest(people, u => u.DisplayName, query.TrimStart('@')).Take(UserLookup.PickerSize - 6)
                .Select(u => ("👤 " + u.DisplayName, ProcessArgs.Ref('u', u.Id))));
        ctx.AskChoice("norm", template, ctx.T.NormScopeNotFound(query), options);
    }

    private static async Task ListAsync(BotContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var norms = await db.Norms.Join(db.WorkTypes.Where(w => !w.IsRetired), n => n.WorkTypeId, w => w.Id,
                (n, w) => new { w.Name, n.Count, n.Period, n.UserId, n.DepartmentId })
            .ToListAsync(ct);
        var company = norms.Where(n => n.UserId is null && n.DepartmentId is null).ToList();
        var text = new StringBuilder(ctx.T.NormsHeader(company.Count));
        foreach (var n in company.OrderBy(n => n.Period).ThenBy(n => n.Name))
        {
            text.Append('\n').Append("• ").Append(ctx.T.NormItem(ctx.Shown(n.Name), n.Count, n.Period == NormPeriod.Week));
        }

        var departments = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        foreach (var group in norms.Where(n => n.DepartmentId is not null).GroupBy(n => n.DepartmentId!.Value)
                     .OrderBy(g => departments.GetValueOrDefault(g.Key, "?"), StringComparer.CurrentCultureIgnoreCase))
        {
            text.Append('\n').Append(ctx.T.NormsOfDepartment(departments.GetValueOrDefault(group.Key, "?"))).Append(' ')
                .Append(string.Join(" · ", group.OrderBy(n => n.Period).ThenBy(n => n.Name)
                    .Select(n => ctx.T.NormItem(ctx.Shown(n.Name), n.Count, n.Period == NormPeriod.Week))));
        }

        var userIds = norms.Where(n => n.UserId is not null).Select(n => n.UserId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        foreach (var group in norms.Where(n => n.UserId is not null).GroupBy(n => n.UserId!.Value)
                     .OrderBy(g => names.GetValueOrDefault(g.Key, "?"), StringComparer.CurrentCultureIgnoreCase))
        {
            text.Append('\n').Append(ctx.T.NormsOfPerson(names.GetValueOrDefault(group.Key, "?"))).Append(' ')
                .Append(string.Join(" · ", group.OrderBy(n => n.Period).ThenBy(n => n.Name)
                    .Select(n => ctx.T.NormItem(ctx.Shown(n.Name), n.Count, n.Period == NormPeriod.Week))));
        }

        if (norms.Count > company.Count)
        {
            text.Append("\n\n").Append(ctx.T.NormsOverridesHint);
        }

        text.Append("\n\n").Append(ctx.T.HowToWrite("norm"));
        ctx.Reply(text.ToString());
    }

    /// <summary>Whose norm: the company's (both ids null), a department's or a person's.</summary>
    /// <remarks><see cref="Within"/> is the department the norm regulates (null = sales), for who may set it.</remarks>
    private sealed record Scope(long? UserId, long? DepartmentId, string? Name, string Ref, string Subject, long? Within = null)
    {
        public static readonly Scope Company = new(null, null, null, "", "");

        public bool IsCompany => UserId is null && DepartmentId is null;

        public static Scope Of(User user) =>
            new(user.Id, null, user.DisplayName, ProcessArgs.Ref('u', user.Id), $" user {user.DisplayName}", user.DepartmentId);

        public static Scope Of(Department department) =>
            new(null, department.Id, department.Name, ProcessArgs.Ref('d', department.Id), $" dept {department.Name}",
                department.IsSales ? null : department.Id);
    }

    /// <summary>
    /// A head writes down their own department's regulation: the head of logistics sets logistics' norms and its
    /// people's, not sales'. The company's norms are sales' (heads of sales) and an admin may set any.
    /// </summary>
    private static bool MaySet(User head, Scope scope) =>
        head.Role.Includes(Role.Admin)
        || (scope.IsCompany ? head.DepartmentId is null : scope.Within == head.DepartmentId);
}
