using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.SalesProcess;

public sealed class NamedCatalogTests : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_name_that_differs_only_in_case_and_spaces_is_the_same_entry_in_every_list()
    {
        (await _app.SayAsync(Admin, "/segment add #Опт и розница")).Text.Should().Contain("Опт и розница");
        (await _app.SayAsync(Admin, "/segment add опт  и  РОЗНИЦА")).Text.Should().Contain("уже есть");
        (await _app.SayAsync(Admin, "/product add Станок ЧПУ 100")).Text.Should().Contain("Станок ЧПУ");
        (await _app.SayAsync(Admin, "/product add станок   чпу")).Text.Should().Contain("уже есть");

        (await _app.QueryAsync(db => db.Segments.Select(s => s.Name).ToListAsync())).Should().Equal("Опт и розница");
        (await _app.QueryAsync(db => db.Products.Select(p => p.Name).ToListAsync())).Should().Equal("Станок ЧПУ");
    }
}
