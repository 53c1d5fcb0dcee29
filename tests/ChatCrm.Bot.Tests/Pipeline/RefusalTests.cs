using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Pipeline;

/// <summary>A command a rule refuses undoes its own half-made changes and nothing the pipeline did before it.</summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        _ivan = await Chat.JoinAsync(_app, 2002);
        await Seed.ClientAsync(_app, "Ромашка", await _ivan.UserIdAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_refused_command_still_ends_the_question_it_interrupted()
    {
        (await _ivan.LastAsync("/call")).Text.Should().Contain("?");
        var refused = await _ivan.LastAsync("/client " + new string('Я', 250));
        refused.Text.Should().NotContain("создан");

        var said = await _ivan.SayAsync("Ромашка");

        said.Should().NotContain(s => s.Text.Contains("✅ Звонок", StringComparison.Ordinal));
        (await _app.QueryAsync(db => db.Touches.CountAsync())).Should().Be(0);
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == 2002))).DialogCommand.Should().BeNull();
    }

    [Fact]
    public async Task A_refused_command_keeps_what_the_pipeline_learnt_about_the_user()
    {
        await _ivan.SayAsync("/client " + new string('Я', 250), languageCode: "en");

        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == 2002))).TelegramLanguageCode.Should().Be("en");
    }
}
