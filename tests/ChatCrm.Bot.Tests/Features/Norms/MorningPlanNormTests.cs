using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Features.Norms;

/// <summary>
/// The morning plan's norm line is the person's own: the company's calls 20 a day, e-mails 5 a day and meetings 3 a
/// week (one a day, rounded up); the sales department's calls 10 a day; Алиса's own e-mails 2 a day; Вера is in
/// logistics, so the sales department's calls are not hers.
/// </summary>
public sealed class MorningPlanNormTests : IAsyncLifetime
{
    private ScheduleWorld _w = null!;

    public async Task InitializeAsync() => _w = await StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task The_plan_shows_each_work_type_with_the_persons_own_norm()
    {
        var alice = await _w.UserAsync(3001, Role.Manager, name: "Алиса");
        var vera = await _w.UserAsync(3002, Role.Manager, name: "Вера");
        var boris = await _w.UserAsync(3003, Role.Manager, name: "Борис");
        await _w.DbAsync(async db =>
        {
            var sales = await db.Departments.FirstOrDefaultAsync(d => d.IsSales) ?? db.Departments.Add(Department.Create("Продажи", isSales: true)).Entity;
            var logistics = db.Departments.Add(Department.Create("Логистика")).Entity;
            await db.SaveChangesAsync();
            (await db.Users.SingleAsync(u => u.Id == vera.Id)).JoinDepartment(logistics.Id);
            var types = await db.WorkTypes.ToDictionaryAsync(w => w.Code, w => w.Id);
            db.Norms.AddRange(
                TouchNorm.Create(types["call"], 20, NormPeriod.Day),
                TouchNorm.Create(types["email"], 5, NormPeriod.Day),
                TouchNorm.Create(types["meeting"], 3, NormPeriod.Week),
                TouchNorm.Create(types["call"], 10, NormPeriod.Day, departmentId: sales.Id),
                TouchNorm.Create(types["email"], 2, NormPeriod.Day, userId: alice.Id));
            return await db.SaveChangesAsync();
        });

        // Monday 7 December 2026, 09:00 in Moscow.
        await _w.TickAsync(At("Europe/Moscow", 2026, 12, 7, 9, 0));

        async Task<string> PlanOf(User user) =>
            Text((await _w.OutboxAsync(user.ChatId)).First(m => m.DedupKey!.StartsWith("plan:", StringComparison.Ordinal)));

        (await PlanOf(alice)).Should().Contain("Норма на сегодня: звонок 10, встреча 1, письмо 2");
        (await PlanOf(boris)).Should().Contain("Норма на сегодня: звонок 10, встреча 1, письмо 5");
        (await PlanOf(vera)).Should().Contain("Норма на сегодня: звонок 20, встреча 1, письмо 5");
    }
}
