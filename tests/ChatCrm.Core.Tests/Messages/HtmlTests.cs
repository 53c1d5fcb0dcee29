using ChatCrm.Core.Messages;

namespace ChatCrm.Core.Tests.Messages;

public sealed class HtmlTests
{
    [Theory]
    [InlineData("<b>Evil</b> & Co", "&lt;b&gt;Evil&lt;/b&gt; &amp; Co")]
    [InlineData("ООО \"Ромашка\"", "ООО &quot;Ромашка&quot;")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_neutralises_every_character_html_parse_mode_cares_about(string? input, string expected) =>
        Html.Escape(input).Should().Be(expected);
}
