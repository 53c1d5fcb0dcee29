using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Departments;

/// <summary>
/// Staff of other departments have the manager role too; clients, targets, reports and pay are sales work, so a
/// logistician is never offered as a client's new owner, a target or a payroll line.
/// </summary>
public sealed class StaffAreNotSalespeopleTests : IAsyncLifetime
{
    private const long Boris = 3001;
    private const long Vera = 3002;
    private const long Petr = 5001;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        _admin = Chat.Admin(_app);
        await _admin.LastAsync("/dept add Логистика");
        await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        await Chat.JoinAsync(_app, Vera, "manager", "Вера");
        await Chat.JoinAsync(_app, Petr, "staff Логистика", "Пётр");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Handing_a_client_over_offers_salespeople_only_and_a_forged_staff_button_asks_again()
    {
        var boris = await _app.UserIdAsync(Boris);
        var petr = await _app.UserIdAsync(Petr);
        var romashka = await Seed.ClientAsync(_app, "Ромашка", boris);

        var ask = await _admin.TapAsync($"sch:hand:{romashka}");
        ask[^1].Text.Should().Contain("Ромашка");
        ask[^1].Labels.Should().Contain("Вера").And.NotContain("Пётр");

        var forged = await _admin.TapAsync($"sch:hand:{romashka}:{petr}");
        forged[^1].Labels.Should().NotContain("Пётр");
        (await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == romashka))).OwnerUserId.Should().Be(boris, "nothing moved");
    }

    [Fact]
    public async Task Payroll_and_the_report_picker_list_the_sales_department()
    {
        (await _admin.LastAsync("/pay оклад 30000")).Text.Should().Contain("Схема оплаты сохранена");
        var payroll = (await _admin.LastAsync("/payroll")).Text;
        payroll.Should().Contain("Борис").And.Contain("Вера").And.NotContain("Пётр");

        var picker = await _admin.LastAsync("/report managers");
        string.Join(" ", picker.Labels).Should().NotContain("Пётр");
        picker.Text.Should().NotContain("Пётр");
    }
}
