using System.Text;
using ChatCrm.Core.Messages;

namespace ChatCrm.Core.Tests.Messages;

public sealed class ReplyTests
{
    [Fact]
    public void A_reply_over_the_telegram_limit_is_cut_at_a_line_break()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"<b>{i}</b> line of a long list"));

        var reply = new Reply(lines);

        reply.Html.Length.Should().BeLessThanOrEqualTo(Reply.MaxLength);
        reply.Html.Should().EndWith("\n…");
        TextsTests.AssertTelegramHtml(reply.Html);
    }

    public static TheoryData<string, string> Long_texts_without_a_line_break => new()
    {
        { "entities", string.Concat(Enumerable.Repeat("a&amp;b&lt;c&gt;", 800)) },
        { "emoji", string.Concat(Enumerable.Repeat("😀", 3000)) },
        { "one bold run", "<b>" + string.Concat(Enumerable.Repeat("жж 😀 &amp; ", 600)) + "</b>" },
        { "nested tags", "<blockquote><i>" + new string('x', 5000) + "</i></blockquote>" },
        { "links", string.Concat(Enumerable.Repeat("<a href=\"https://example.com/?a=1&amp;b=2\">ссылка</a> ", 100)) },
        { "a quote spanning lines", "<blockquote>" + string.Join('\n', Enumerable.Range(1, 600).Select(i => $"строка {i}")) + "</blockquote>" },
    };

    [Theory]
    [MemberData(nameof(Long_texts_without_a_line_break))]
    public void A_long_text_is_cut_outside_entities_tags_and_emoji_with_its_tags_closed(string what, string html)
    {
        var reply = new Reply(html);

        reply.Html.Length.Should().BeLessThanOrEqualTo(Reply.MaxLength, what);
        reply.Html.Should().EndWith("…", what);
        TextsTests.AssertTelegramHtml(reply.Html);
        var cut = reply.Html[..^2];
        for (var i = 0; i < reply.Html.Length; i++)
        {
            if (char.IsHighSurrogate(reply.Html[i]))
            {
                (i + 1 < reply.Html.Length && char.IsLowSurrogate(reply.Html[i + 1])).Should().BeTrue($"{what}: no lone half of an emoji");
            }
            else if (char.IsLowSurrogate(reply.Html[i]))
            {
                (i > 0 && char.IsHighSurrogate(reply.Html[i - 1])).Should().BeTrue($"{what}: no lone half of an emoji");
            }
        }

        cut.Length.Should().BeGreaterThan(Reply.MaxLength / 2, $"{what}: the cut keeps most of the text");
    }

    [Fact]
    public void A_cut_exactly_at_an_entity_does_not_leave_its_start()
    {
        var html = new string('x', Reply.MaxLength - 4) + "&amp;" + new string('y', 100);

        new Reply(html).Html.Should().Be(new string('x', Reply.MaxLength - 4) + "\n…");
    }

    [Fact]
    public void A_short_reply_is_left_alone() => new Reply("✅ Done").Html.Should().Be("✅ Done");

    [Fact]
    public void Callback_data_over_64_bytes_is_refused_when_the_button_is_made()
    {
        var cyrillic = new string('ж', 33); // 66 bytes in UTF-8

        var make = () => Button.Callback("x", cyrillic);

        Encoding.UTF8.GetByteCount(cyrillic).Should().BeGreaterThan(64);
        make.Should().Throw<ArgumentException>();
        Button.Callback("x", new string('a', 64)).Data.Should().HaveLength(64);
    }
}
