using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class InputTextTests
{
    [Theory]
    [InlineData("Ром\0ашка", "Ромашка")]
    [InlineData("\u0007bell\u001b[31mred", "bell[31mred")]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("del\u007f c1\u0085 end", "del c1 end")]
    [InlineData("keeps\ttabs\nand lines", "keeps\ttabs\nand lines")]
    [InlineData("😀 эмодзи «кавычки»", "😀 эмодзи «кавычки»")]
    [InlineData("", "")]
    public void Control_characters_but_line_breaks_and_tabs_are_removed(string text, string clean)
    {
        InputText.Clean(text).Should().Be(clean);
    }

    [Fact]
    public void Null_stays_null() => InputText.Clean(null).Should().BeNull();
}
