using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.SalesProcess;

public sealed class CatalogTests : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        _admin = Chat.Admin(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reason_in_use_is_retired_and_an_unused_one_is_deleted()
    {
        var admin = await _app.UserIdAsync(Admin);
        var client = await Seed.ClientAsync(_app, "Ромашка", admin);
        var deal = await Seed.DealAsync(_app, client, admin, "Предложение", 10_000m);
        await _app.WriteAsync(async db =>
        {
            var d = await db.Deals.SingleAsync(x => x.Id == deal);
            db.StageChanges.Add(d.Lose(await db.LostReasons.SingleAsync(r => r.Name == "Цена"), null, DateTime.UtcNow, admin));
            return 0;
        });

        (await _admin.LastAsync("/reason add Сорвали сроки")).Text.Should().Contain("Сорвали сроки");
        (await _admin.LastAsync("/reason add цена")).Text.Should().Contain("уже есть");
        (await _admin.LastAsync("/reason remove Цена")).Text.Should().Contain("архив");
        (await _admin.LastAsync("/reason remove Сорвали сроки")).Text.Should().Contain("удалено");

        var reasons = await _app.QueryAsync(db => db.LostReasons.ToListAsync());
        reasons.Should().ContainSingle(r => r.Name == "Цена").Which.IsRetired.Should().BeTrue();
        reasons.Should().NotContain(r => r.Name == "Сорвали сроки");
        (await _app.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == deal))).LostReasonId.Should().Be(reasons.Single(r => r.Name == "Цена").Id);
        var list = await _admin.LastAsync("/reasons");
        list.Text.Should().NotContain("Цена").And.Contain("В архиве: 1");
        (await _app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync())).Should().Contain(["reason.added", "reason.retired", "reason.deleted"]);
    }

    [Fact]
    public async Task Work_types_segments_and_products_are_added_and_an_unknown_name_gets_suggestions()
    {
        (await _admin.LastAsync("/worktype add Презентация КП")).Text.Should().Contain("Презентация КП");
        (await _admin.LastAsync("/segment add #розница")).Text.Should().Contain("розница");
        (await _admin.LastAsync("/product add Станок ЧПУ 1,5 млн")).Text.Should().Contain("Станок ЧПУ");

        (await _app.QueryAsync(db => db.WorkTypes.SingleAsync(w => w.Name == "Презентация КП"))).Code.Should().Be("prezentatsiya_kp");
        (await _app.QueryAsync(db => db.Segments.SingleAsync())).Name.Should().Be("розница");
        (await _app.QueryAsync(db => db.Products.SingleAsync())).Should().Match<Product>(p => p.Name == "Станок ЧПУ" && p.Price == 1_500_000m);
        (await _admin.LastAsync("/worktypes")).Text.Should().Contain("prezentatsiya_kp");

        var ask = await _admin.LastAsync("/segment remove розн");
        ask.Text.Should().Contain("нет");
        var id = await _app.QueryAsync(db => db.Segments.Select(s => s.Id).SingleAsync());
        (await _admin.TapAsync($"pick:#x{id}"))[^1].Text.Should().Contain("удалено");
        (await _app.QueryAsync(db => db.Segments.AnyAsync())).Should().BeFalse();
    }

    [Fact]
    public async Task A_name_that_differs_only_in_case_and_spaces_is_the_same_entry_in_every_list()
    {
        (await _admin.LastAsync("/segment add #Опт и розница")).Text.Should().Contain("Опт и розница");
        (await _admin.LastAsync("/segment add опт  и  РОЗНИЦА")).Text.Should().Contain("уже есть");
        (await _admin.LastAsync("/product add Станок ЧПУ 100")).Text.Should().Contain("Станок ЧПУ");
        (await _admin.LastAsync("/product add станок   чпу")).Text.Should().Contain("уже есть");

        (await _app.QueryAsync(db => db.Segments.Select(s => s.Name).ToListAsync())).Should().Equal("Опт и розница");
        (await _app.QueryAsync(db => db.Products.Select(p => p.Name).ToListAsync())).Should().Equal("Станок ЧПУ");
    }
}
