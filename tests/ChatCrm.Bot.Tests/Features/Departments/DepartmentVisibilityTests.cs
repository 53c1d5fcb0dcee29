using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Departments;

/// <summary>Staff of another department see only the deals at the stages their department owns: by command and by a forged button.</summary>
public sealed class DepartmentVisibilityTests : IAsyncLifetime
{
    private const long Boris = 3001;
    private const long Petr = 5001;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_logistics_colleague_sees_the_deal_at_shipping_and_not_the_one_at_contract()
    {
        var admin = Chat.Admin(_app);
        await admin.LastAsync("/stage add Отгрузка");
        await admin.LastAsync("/dept add Логистика");
        (await admin.LastAsync("/stage set Отгрузка owner Логистика")).Text.Should().Contain("ответственный — <b>Логистика</b>");
        var boris = await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        var petr = await Chat.JoinAsync(_app, Petr, "staff Логистика", "Пётр");
        var borisId = await _app.UserIdAsync(Boris);
        var romashka = await Seed.ClientAsync(_app, "Ромашка", borisId);
        var lyutik = await Seed.ClientAsync(_app, "Лютик", borisId);
        var atContract = await Seed.DealAsync(_app, romashka, borisId, "Договор", 500_000m);
        await Seed.DealAsync(_app, lyutik, borisId, "Отгрузка", 200_000m);

        var deals = (await petr.LastAsync("/deals")).Text;
        deals.Should().Contain("Лютик").And.NotContain("Ромашка");
        (await petr.LastAsync("/card Лютик")).Text.Should().Contain("Лютик").And.Contain("Отгрузка");
        (await petr.LastAsync("/card Ромашка")).Text.Should().NotContain("500");
        (await petr.LastAsync("/clients Ром")).Text.Should().NotContain("Ромашка");
        (await petr.LastAsync("/clients")).Text.Should().Contain("Лютик").And.NotContain("Ромашка");

        // Forged buttons with the other deal's and client's ids.
        (await petr.TapAsync($"card:{romashka}")).Should().NotContain(s => s.Text.Contains("Ромашка"));
        var contract = await _app.QueryAsync(db => db.Stages.Where(s => s.Name == "Договор").Select(s => s.Id).SingleAsync());
        (await petr.TapAsync($"mv:{atContract}:{contract}")).Should().NotContain(s => s.Text.Contains("Ромашка"));
        (await petr.LastAsync($"/move {atContract}")).Text.Should().NotContain("Ромашка");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "access.denied" && a.Subject == $"deal #{atContract}"))).Should().BeGreaterThan(0);

        // The manager still sees both of his own; once the stage leaves logistics, so does the colleague's view.
        (await boris.LastAsync("/deals")).Text.Should().Contain("Лютик").And.Contain("Ромашка");
        await admin.LastAsync("/stage set Отгрузка owner none");
        (await petr.LastAsync("/deals")).Text.Should().NotContain("Лютик");
    }

    [Fact]
    public async Task A_stage_owned_by_one_person_shows_them_its_deals()
    {
        var admin = Chat.Admin(_app);
        await admin.LastAsync("/dept add Юристы");
        var petr = await Chat.JoinAsync(_app, Petr, "staff Юристы", "Пётр");
        await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        var borisId = await _app.UserIdAsync(Boris);
        await Seed.DealAsync(_app, await Seed.ClientAsync(_app, "Василёк", borisId), borisId, "Договор", 500_000m);

        (await petr.LastAsync("/deals")).Text.Should().NotContain("Василёк");
        (await admin.LastAsync("/stage set Договор owner Пётр")).Text.Should().Contain("ответственный — <b>Пётр</b>");
        (await petr.LastAsync("/deals")).Text.Should().Contain("Василёк");
    }
}
