using System.Reflection;
using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

/// <summary>Builds saved-looking entities: ids are what the database would assign, so tests set them.</summary>
internal static class SavedEntities
{
    public static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    public static T WithId<T>(this T entity, long id)
        where T : class
    {
        typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);
        return entity;
    }

    public static SalesCycle ACycle(long id = 1) => SalesCycle.Create("Продажи", T0, isDefault: true).WithId(id);

    public static Stage AStage(long id, string name, int position = 1, long cycleId = 1, int? days = null) =>
        Stage.Create(cycleId, name, position, 50, days).WithId(id);

    public static Client AClient(long id = 7, string name = "Ромашка") => Client.Create(name, 1, T0).WithId(id);

    public static WorkType ACall(long id = 3) => WorkType.Create("Звонок", "call").WithId(id);

    public static LostReason AReason(long id = 5, string name = "Цена") => LostReason.Create(name).WithId(id);

    /// <summary>An open deal of 100 000 RUB in stage 11 «Первый контакт» of cycle 1, opened at <see cref="T0"/>.</summary>
    public static Deal AnOpenDeal(Stage? stage = null, decimal amount = 100_000m) =>
        Deal.Open(AClient(), ACycle(), stage ?? AStage(11, "Первый контакт"), amount, "RUB", null, 2, T0, 2).Deal.WithId(42);
}
