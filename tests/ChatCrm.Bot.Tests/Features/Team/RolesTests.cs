using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Team;

public sealed class RolesTests : IAsyncLifetime
{
    private static readonly string[] HeadCommands =
    [
        "/team", "/plans", "/assign Ромашка Борис", "/distribute", "/target Борис 100к", "/norm call 5 day", "/settings morning 7:00",
    ];

    private static readonly string[] AdminCommands =
    [
        "/pipelines", "/pipeline add Тендеры", "/stages", "/stage add Демо", "/stage remove Договор", "/worktypes", "/worktype add Выезд",
        "/reasons", "/reason add Дорого", "/segments", "/segment add опт", "/products", "/product add Станок 100к", "/audit",
        "/deactivate Борис",
    ];

    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Several managers share the commands so the per-chat send limit does not make the test slow.</summary>
    private async Task RefuseAllAsync(IReadOnlyList<long> people, IReadOnlyList<string> commands, string expected)
    {
        var before = people.ToDictionary(p => p, p => _app.Api.DeliveredTo(p).Count);
        for (var i = 0; i < commands.Count; i++)
        {
            await _app.SendAsync(Updates.Text(people[i % people.Count], commands[i], "en"));
        }

        foreach (var p in people)
        {
            var mine = commands.Where((_, i) => people[i % people.Count] == p).Count();
            var replies = await _app.Api.WaitForMessagesAsync(p, before[p] + mine, TimeSpan.FromSeconds(30));
            replies.Skip(before[p]).Select(r => r.Text).Should().OnlyContain(t => t!.Contains(expected));
        }
    }

    [Fact]
    public async Task A_manager_is_refused_every_process_and_team_command_and_each_attempt_is_audited()
    {
        long[] managers = [3001, 3002, 3003, 3004];
        foreach (var (id, name) in managers.Zip(new[] { "Борис", "Вера", "Глеб", "Дина" }))
        {
            await Chat.JoinAsync(_app, id, "manager", name);
        }

        await RefuseAllAsync(managers, [.. HeadCommands, .. AdminCommands], "role and above");

        var denied = await _app.QueryAsync(db => db.Audit.Where(a => a.Action == "access.denied").Select(a => a.Subject).ToListAsync());
        denied.Should().BeEquivalentTo(HeadCommands.Concat(AdminCommands).Select(c => c.Split(' ')[0]));
        (await _app.QueryAsync(db => db.Segments.AnyAsync())).Should().BeFalse();
        (await _app.QueryAsync(db => db.Settings.AnyAsync(s => s.UpdatedByUserId != null))).Should().BeFalse("no refused command stored a setting");
        (await _app.QueryAsync(db => db.Stages.CountAsync(s => !s.IsRetired))).Should().Be(5);
        (await _app.QueryAsync(db => db.Users.CountAsync(u => u.IsActive))).Should().Be(5);
    }

    [Fact]
    public async Task A_head_runs_the_team_but_is_refused_the_process_commands()
    {
        long[] heads = [2001, 2002, 2003];
        var chats = new List<Chat>();
        foreach (var (id, name) in heads.Zip(new[] { "Елена", "Жанна", "Зоя" }))
        {
            chats.Add(await Chat.JoinAsync(_app, id, "head", name));
        }

        await RefuseAllAsync(heads, AdminCommands, "admin role");

        (await chats[0].LastAsync("/settings morning 7:00")).Text.Should().Contain("07:00");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "access.denied"))).Should().Be(AdminCommands.Length);
    }
}
