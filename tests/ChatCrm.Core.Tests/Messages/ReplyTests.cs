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
