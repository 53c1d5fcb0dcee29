using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// Reads the <see cref="NormBook"/> every comparison of work with norms uses, and writes a person's figures the one
/// compact way («📞 Звонок 12/20 · ✉️ Письмо 3/5»): each work type against its own norm, never a sum over types.
/// </summary>
public static class Norms
{
    /// <summary>The norms of live work types, and the sales department whose norms apply to people without one.</summary>
    public static async Task<NormBook> LoadAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var norms = await db.Norms.AsNoTracking()
            .Where(n => db.WorkTypes.Any(w => w.Id == n.WorkTypeId && !w.IsRetired))
            .ToListAsync(ct);
        var sales = await db.Departments.AsNoTracking().Where(d => d.IsSales).OrderBy(d => d.Id).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
        return new NormBook(norms, sales);
    }

    /// <summary>
    /// The normed work types, in catalog order, each as done/expected; empty when nothing is expected of the person.
    /// </summary>
    public static string Figures(Texts t, IEnumerable<WorkType> types, IReadOnlyDictionary<long, int> expected, Func<long, int> done)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(done);
        return Texts.NormFigures(types.Where(w => expected.ContainsKey(w.Id))
            .Select(w => t.NormFigure(w.Code, BuiltInNames.Show(w.Name, t.Language), done(w.Id), expected[w.Id])));
    }
}
