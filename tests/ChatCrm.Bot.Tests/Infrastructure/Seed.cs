using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>Data other features create (segments, deals, old touches), written straight to the database.</summary>
public static class Seed
{
    public static Task<long> SegmentAsync(ChatCrmApp app, string name) =>
        WriteAsync(app, async db =>
        {
            var segment = Segment.Create(name);
            db.Segments.Add(segment);
            await db.SaveChangesAsync();
            return segment.Id;
        });

    public static Task<long> ClientAsync(ChatCrmApp app, string name, long ownerUserId, DateTime createdAt, string? phone = null) =>
        WriteAsync(app, async db =>
        {
            var client = Client.Create(name, ownerUserId, createdAt, ownerUserId);
            if (phone is not null)
            {
                client.AddPhone(phone);
            }

            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });

    /// <summary>An open deal in the default cycle's <paramref name="stagePosition"/>-th stage.</summary>
    public static Task<long> DealAsync(ChatCrmApp app, long clientId, long ownerUserId, decimal amount, DateTime openedAt, int stagePosition = 1, string? title = null) =>
        WriteAsync(app, async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var stage = await db.Stages.SingleAsync(s => s.CycleId == cycle.Id && s.Position == stagePosition && !s.IsRetired);
            var (deal, opened) = Deal.Open(client, cycle, stage, amount, "RUB", title, ownerUserId, openedAt, ownerUserId);
            db.Deals.Add(deal);
            db.StageChanges.Add(opened);
            await db.SaveChangesAsync();
            return deal.Id;
        });

    public static Task TouchAsync(ChatCrmApp app, long clientId, long userId, DateTime at, string note = "", string workType = "call") =>
        WriteAsync(app, async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            var type = await db.WorkTypes.SingleAsync(w => w.Code == workType);
            db.Touches.Add(Touch.LogDone(client, type, userId, at, note, at));
            await db.SaveChangesAsync();
            return 0;
        });

    public static Task<long> PlannedAsync(ChatCrmApp app, long clientId, long userId, DateTime forUtc, DateTime nowUtc, string note = "") =>
        WriteAsync(app, async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            var type = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            var planned = Touch.Plan(client, type, userId, forUtc, note, nowUtc);
            db.Touches.Add(planned);
            await db.SaveChangesAsync();
            client.SetNextContact(await db.Touches.Where(a => a.ClientId == clientId && a.Status == TouchStatus.Planned).MinAsync(a => a.PlannedFor));
            await db.SaveChangesAsync();
            return planned.Id;
        });

    private static async Task<T> WriteAsync<T>(ChatCrmApp app, Func<ChatCrmDbContext, Task<T>> write)
    {
        var result = default(T)!;
        await app.ExecuteAsync(async services => result = await write(services.GetRequiredService<ChatCrmDbContext>()));
        return result;
    }
}
