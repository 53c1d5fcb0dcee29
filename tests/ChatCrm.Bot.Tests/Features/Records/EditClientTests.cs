using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Records;

public sealed class EditClientTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
        _ivanId = await _ivan.UserIdAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_phone_is_added_and_the_client_is_then_found_by_it_and_removed_again()
    {
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now, phone: "+7 495 123-45-67");

        var added = await _ivan.LastAsync("/edit Ромашка phone +7 900 111-22-33");

        added.Text.Should().Contain("✏️ <b>Ромашка</b> — телефон: +7 495 123-45-67, +7 900 111-22-33");
        (await _ivan.ClientAsync("Ромашка")).PhoneNumbers.Should().Equal("+74951234567", "+79001112233");
        (await _ivan.LastAsync("/card 9001112233")).Text.Should().Contain("🗂 <b>Ромашка</b>");

        var removed = await _ivan.LastAsync("/edit Ромашка телефон - +79001112233");

        removed.Text.Should().Contain("телефон: +7 495 123-45-67").And.NotContain("900");
        (await _ivan.ClientAsync("Ромашка")).PhoneNumbers.Should().Equal("+74951234567");
        (await _ivan.LastAsync("/card 9001112233")).Text.Should().Contain("не нашёл");
    }

    [Fact]
    public async Task An_email_is_added_and_removed_with_the_russian_words()
    {
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        (await _ivan.LastAsync("/edit Ромашка почта Info@Romashka.ru")).Text.Should().Contain("почта: info@romashka.ru");
        (await _ivan.ClientAsync("Ромашка")).EmailAddresses.Should().Equal("info@romashka.ru");
        (await _ivan.LastAsync("/card info@romashka.ru")).Text.Should().Contain("🗂 <b>Ромашка</b>");

        (await _ivan.LastAsync("/edit Ромашка email удалить info@romashka.ru")).Text.Should().Contain("почта: <i>не указано</i>");
        (await _ivan.ClientAsync("Ромашка")).EmailAddresses.Should().BeEmpty();
    }

    [Fact]
    public async Task Segment_city_and_note_are_set_and_cleared()
    {
        await Seed.SegmentAsync(_app, "опт");
        var segmentId = await _app.QueryAsync(db => db.Segments.Where(s => s.Name == "опт").Select(s => s.Id).SingleAsync());
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        (await _ivan.LastAsync("/edit Ромашка сегмент #опт")).Text.Should().Contain("сегмент: #опт");
        (await _ivan.LastAsync("/edit Ромашка город Казань")).Text.Should().Contain("город: Казань");
        (await _ivan.LastAsync("/edit Ромашка примечание звонить после обеда")).Text.Should().Contain("заметка: звонить после обеда");
        var client = await _ivan.ClientAsync("Ромашка");
        (client.SegmentId, client.City, client.Note).Should().Be((segmentId, "Казань", "звонить после обеда"));

        (await _ivan.LastAsync("/edit Ромашка segment -")).Text.Should().Contain("сегмент: <i>не указано</i>");
        await _ivan.SayAsync("/edit Ромашка city -");
        await _ivan.SayAsync("/edit Ромашка note -");
        client = await _ivan.ClientAsync("Ромашка");
        (client.SegmentId, client.City, client.Note).Should().Be(((long?)null, (string?)null, (string?)null));
    }

    [Fact]
    public async Task A_rename_is_shown_and_the_client_is_found_by_the_new_name()
    {
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        (await _ivan.LastAsync("/edit Ромашка название Лютик и партнёры")).Text.Should().Contain("название: Лютик и партнёры");

        (await _ivan.LastAsync("/card лютик")).Text.Should().Contain("🗂 <b>Лютик и партнёры</b>");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [Fact]
    public async Task A_name_another_managers_client_has_is_refused_saying_only_whose_it_is()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        await Seed.ClientAsync(_app, "Лютик", await petr.UserIdAsync(), Now, phone: "+7 900 555-55-55");
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        var said = await _ivan.LastAsync("/edit Ромашка name Лютик");

        said.Text.Should().Contain("не переименован").And.Contain("Пётр").And.NotContain("555");
        said.Labels.Should().NotContain(l => l.Contains("Всё равно", StringComparison.Ordinal));
        (await _ivan.ClientAsync("Ромашка")).Name.Should().Be("Ромашка");
    }

    [Fact]
    public async Task A_name_of_ones_own_client_can_be_taken_anyway_with_the_button()
    {
        await Seed.ClientAsync(_app, "Лютик", _ivanId, Now);
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        var said = await _ivan.LastAsync("/edit Ромашка name Лютик");
        said.Text.Should().Contain("не переименован");

        (await _ivan.TapAsync(said.Button("Всё равно")))[^1].Text.Should().Contain("название: Лютик");
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.Name == "Лютик"))).Should().Be(2);
    }

    [Fact]
    public async Task Bare_forms_ask_for_the_client_then_give_field_buttons_then_ask_for_the_value()
    {
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        (await _ivan.LastAsync("/edit")).Text.Should().Contain("Какого клиента изменить");
        var fields = await _ivan.LastAsync("Ромашка");
        fields.Labels.Should().Contain(["название", "телефон", "почта", "сегмент", "город", "заметка"]);

        (await _ivan.TapAsync(fields.Button("город")))[^1].Text.Should().Contain("город: напишите новое значение");
        (await _ivan.LastAsync("Самара")).Text.Should().Contain("город: Самара");

        (await _ivan.ClientAsync("Ромашка")).City.Should().Be("Самара");
    }

    [Theory]
    [InlineData("/edit Ромашка phone 12", "Не похоже на телефон")]
    [InlineData("/edit Ромашка email not-an-address", "Не похоже на e-mail")]
    [InlineData("/edit Ромашка phone - +7 900 999-99-99", "нет «+7 900 999-99-99»")]
    [InlineData("/edit Ромашка segment #нет-такого", "Сегмента «#нет-такого» нет")]
    [InlineData("/edit Ромашка цвет синий", "Не знаю поля «цвет»")]
    [InlineData("/edit Ромашка name -", "Название не может быть пустым")]
    public async Task Invalid_values_get_a_clear_reply_and_change_nothing(string command, string expected)
    {
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now, phone: "+7 495 123-45-67");
        var before = await _ivan.ClientAsync("Ромашка");

        var said = await _ivan.LastAsync(command);

        said.Text.Should().Contain(expected).And.NotContain("✏️ <b>Ромашка</b> —");
        var after = await _ivan.ClientAsync("Ромашка");
        (after.Name, after.Phones, after.Emails, after.SegmentId).Should().Be((before.Name, before.Phones, before.Emails, before.SegmentId));
        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменять нечего").And.NotContain("Отменено");
    }

    [Fact]
    public async Task The_english_reply_names_the_field_in_english()
    {
        await Seed.ClientAsync(_app, "Acme", _ivanId, Now);

        (await _ivan.LastAsync("/edit Acme city Leeds", "en")).Text.Should().Contain("city is now Leeds");
        (await _ivan.LastAsync("/edit Acme colour blue", "en")).Text.Should().Contain("I don't know the field");
    }

    [Fact]
    public async Task A_manager_cannot_edit_another_managers_client()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        var id = await Seed.ClientAsync(_app, "Лютик", await petr.UserIdAsync(), Now);

        (await _ivan.LastAsync("/edit Лютик город Казань")).Text.Should().Contain("не нашёл");
        (await _ivan.LastAsync($"/edit #c{id} город Казань")).Text.Should().Contain("не нашёл");

        (await petr.ClientAsync("Лютик")).City.Should().BeNull();
    }

    [Fact]
    public async Task A_head_edits_any_managers_client()
    {
        var head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга");
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        (await head.LastAsync("/edit Ромашка город Казань")).Text.Should().Contain("город: Казань");
    }

    [Fact]
    public async Task Undo_puts_the_edited_field_back_and_the_old_phone_finds_the_client_again()
    {
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now, phone: "+7 495 123-45-67");
        await _ivan.SayAsync("/edit Ромашка phone - +74951234567");
        (await _ivan.LastAsync("/card 4951234567")).Text.Should().Contain("не нашёл");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: изменение «Ромашка»: телефон");

        (await _ivan.ClientAsync("Ромашка")).PhoneNumbers.Should().Equal("+74951234567");
        (await _ivan.LastAsync("/card 4951234567")).Text.Should().Contain("🗂 <b>Ромашка</b>");
    }
}
