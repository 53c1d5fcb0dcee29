using System.Text.Json.Nodes;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>The chat's menu button opens the board as a Mini App, set with the command menu, in the user's language.</summary>
public sealed class MenuButtonTests
{
    private const long Ivan = 2001;

    [Fact]
    public async Task A_new_member_gets_a_menu_button_that_opens_the_board_and_it_follows_their_language()
    {
        await using var app = await ChatCrmApp.StartAsync();
        var ivan = await Chat.JoinAsync(app, Ivan, "manager", "Иван");

        var first = (await ButtonsForAsync(app, Ivan, 1))[0];
        first["type"]!.GetValue<string>().Should().Be("web_app");
        first["text"]!.GetValue<string>().Should().Be("📊 Доска");
        first["web_app"]!["url"]!.GetValue<string>().Should().Be("https://crm.example.com/app");

        await ivan.SayAsync("/lang en");

        (await ButtonsForAsync(app, Ivan, 2))[1]["text"]!.GetValue<string>().Should().Be("📊 Board");
    }

    [Fact]
    public async Task The_admin_named_in_the_configuration_gets_it_with_the_first_message()
    {
        await using var app = await ChatCrmApp.StartAsync();

        await Chat.Admin(app).SayAsync("/help");

        (await ButtonsForAsync(app, ChatCrmApp.AdminId, 1))[0]["web_app"]!["url"]!.GetValue<string>().Should().Be("https://crm.example.com/app");
    }

    [Fact]
    public async Task Without_an_address_for_the_board_no_menu_button_is_set()
    {
        await using var app = await ChatCrmApp.StartAsync(polling: true);

        await Chat.JoinAsync(app, Ivan, "manager", "Иван");

        await app.Api.WaitForAsync(c => c.Any(x => x.Method == "setMyCommands" && x.Body["scope"]?["chat_id"]?.GetValue<long>() == Ivan),
            because: "Ivan's command menu is set");
        // The button would have been written to the outbox with the command menu, in the same transaction as the join.
        (await app.QueryAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.MenuButton))).Should().Be(0);
        app.Api.Calls.Should().NotContain(c => c.Method == "setChatMenuButton");
    }

    [Fact]
    public async Task Someone_switched_off_loses_the_board_button_and_the_command_menu()
    {
        await using var app = await ChatCrmApp.StartAsync();
        await Chat.JoinAsync(app, Ivan, "manager", "Иван");
        await ButtonsForAsync(app, Ivan, 1);
        var admin = Chat.Admin(app);

        var confirm = await admin.LastAsync("/deactivate Иван");
        (await admin.TapAsync(confirm.Button("Да")))[^1].Text.Should().Contain("отключён");

        (await ButtonsForAsync(app, Ivan, 2))[1]["type"]!.GetValue<string>().Should().Be("default", "the board would not let him in");
        await app.Api.WaitForAsync(c => c.Any(x => x.Method == "deleteMyCommands" && x.Ok && x.Body["scope"]?["chat_id"]?.GetValue<long>() == Ivan),
            because: "his own command list, which would only be refused now, is taken away");
        app.Api.Calls.Should().NotContain(c => c.Method == "deleteMyCommands" && c.Body["scope"]!["chat_id"]!.GetValue<long>() == ChatCrmApp.AdminId);
    }

    [Fact]
    public async Task Someone_made_an_admin_by_the_configuration_gets_the_admin_menu_and_the_board_button_at_the_next_start()
    {
        // Ivan, a manager switched off, is then named in Crm:AdminTelegramIds: the start makes him an active admin.
        var app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["Crm:AdminTelegramIds:1"] = Ivan.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await app.WriteAsync(async db =>
        {
            var ivan = await db.Users.SingleAsync(u => u.TelegramId == Ivan);
            ivan.Seen(Ivan, "Иван", null, "ru", DateTime.UtcNow);
            ivan.ChangeRole(Core.Domain.Users.Role.Manager);
            ivan.Deactivate();
            return 0;
        });

        await using var restarted = await app.RestartAsync();

        var menu = await restarted.Api.WaitForAsync(c => c.Any(x => x.Method == "setMyCommands" && x.Ok && x.Body["scope"]?["chat_id"]?.GetValue<long>() == Ivan),
            because: "Ivan's command menu is set as an admin's");
        menu.Last(x => x.Method == "setMyCommands" && x.Body["scope"]?["chat_id"]?.GetValue<long>() == Ivan).Body["commands"]!.AsArray()
            .Select(c => c!["command"]!.GetValue<string>()).Should().Contain(["invite", "deactivate"]);
        (await ButtonsForAsync(restarted, Ivan, 1))[0]["web_app"]!["url"]!.GetValue<string>().Should().Be("https://crm.example.com/app");
    }

    [Fact]
    public async Task When_the_board_moves_every_member_gets_a_button_to_its_new_address_at_the_next_start_and_only_then()
    {
        var app = await ChatCrmApp.StartAsync();
        await Chat.JoinAsync(app, Ivan, "manager", "Иван");
        await ButtonsForAsync(app, Ivan, 1);

        var moved = await app.RestartAsync(new Dictionary<string, string?> { ["Telegram:WebAppUrl"] = "https://board.example.org/app" });
        (await ButtonsForAsync(moved, Ivan, 2))[1]["web_app"]!["url"]!.GetValue<string>().Should().Be("https://board.example.org/app");
        (await ButtonsForAsync(moved, ChatCrmApp.AdminId, 2))[1]["web_app"]!["url"]!.GetValue<string>()
            .Should().Be("https://board.example.org/app", "the admin wrote to the bot (Ivan's invite) and has a button too");

        // The same address again: the buttons are the current ones, nothing more is written.
        await using var again = await moved.RestartAsync();
        (await again.QueryAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.MenuButton).CountAsync())).Should().Be(4);
    }

    [Fact]
    public async Task When_the_board_has_no_address_any_more_members_get_telegrams_default_button_back()
    {
        var app = await ChatCrmApp.StartAsync();
        await Chat.JoinAsync(app, Ivan, "manager", "Иван");
        await ButtonsForAsync(app, Ivan, 1);

        // Polling, and no Telegram:WebAppUrl: nothing tells the bot where the board is.
        await using var polling = await app.RestartAsync(new Dictionary<string, string?> { ["Telegram:WebhookUrl"] = "" });

        (await ButtonsForAsync(polling, Ivan, 2))[1]["type"]!.GetValue<string>().Should().Be("default");
    }

    private static async Task<IReadOnlyList<JsonObject>> ButtonsForAsync(ChatCrmApp app, long chatId, int count)
    {
        var calls = await app.Api.WaitForAsync(c => c.Count(x => x.Method == "setChatMenuButton" && x.ChatId == chatId && x.Ok) >= count,
            because: $"{count} menu button(s) set for {chatId}");
        return [.. calls.Where(x => x.Method == "setChatMenuButton" && x.ChatId == chatId && x.Ok).Select(x => x.Body["menu_button"]!.AsObject())];
    }
}
