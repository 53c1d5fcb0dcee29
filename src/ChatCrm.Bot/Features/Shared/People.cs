using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// Who counts as a salesperson. Staff of other departments (logistics, lawyers) have the manager role too, so a
/// picker of owners, a payroll or a sales target that filtered by role alone offered a logistician clients and pay.
/// </summary>
public static class People
{
    /// <summary>Managers of the sales department (active or not): whose clients, deals, targets and pay sales is about.</summary>
    public static IQueryable<User> Salespeople(this IQueryable<User> users) =>
        users.Where(u => u.Role == Role.Manager && u.DepartmentId == null);

    /// <summary>The active ones: who can be handed a client, set a target or picked in a report.</summary>
    public static IQueryable<User> ActiveSalespeople(this IQueryable<User> users) => users.Salespeople().Where(u => u.IsActive);
}
