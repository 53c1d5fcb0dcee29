using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Tests.Spreadsheets;

public sealed class CellSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("=1+2")]
    [InlineData("+1")]
    [InlineData("-2+3")]
    [InlineData("@cmd")]
    [InlineData("\t=1+2")]
    [InlineData("\r=1+2")]
    public void Formula_like_text_gets_an_apostrophe(string cell) =>
        CellSafety.Neutralise(cell).Should().Be("'" + cell);

    [Theory]
    [InlineData("+79161234567")]
    [InlineData("+79161234567, +74951234567")]
    [InlineData("+4930123456, +12025550123, +861012345678")]
    [InlineData("+2904001")]
    [InlineData("+123456789012345")]
    public void Phone_numbers_alone_stay_as_they_are(string cell)
    {
        CellSafety.IsPhoneList(cell).Should().BeTrue();
        CellSafety.Neutralise(cell).Should().Be(cell, "a + and digits is a number at worst: it can run nothing");
    }

    [Theory]
    [InlineData("+1+cmd|' /C calc'!A0", "a DDE call after a short number")]
    [InlineData("+79161234567+cmd|' /C calc'!A0", "a DDE call after a whole phone")]
    [InlineData("+79161234567|cmd", "a pipe after a phone")]
    [InlineData("+SUM(1,2)", "a function")]
    [InlineData("+A1", "a cell reference")]
    [InlineData("+7:9", "a row range")]
    [InlineData("+79161234567, =HYPERLINK(\"http://x\")", "a formula as the second phone")]
    [InlineData("+79161234567,+74951234567", "a list not joined the way the export joins it")]
    [InlineData("+79161234567, ", "a dangling separator")]
    [InlineData("+79161234567\n", "a trailing line break")]
    [InlineData("+79161234567\r=1+2", "a second line holding a formula")]
    [InlineData("+7 916 123-45-67", "spaces and dashes: not the exported form")]
    [InlineData("+123456", "too short for a phone")]
    [InlineData("+1234567890123456", "too long for E.164")]
    [InlineData("+٧٩١٦١٢٣٤٥٦٧", "digits of another script")]
    [InlineData("++79161234567", "two pluses")]
    [InlineData("-79161234567", "a minus is not a phone")]
    [InlineData(" +79161234567", "a leading space is not a phone either (and not formula-like, so it passes)")]
    public void Near_misses_of_a_phone_are_neutralised_like_any_formula(string cell, string because)
    {
        CellSafety.IsPhoneList(cell).Should().BeFalse(because);
        CellSafety.Neutralise(cell).Should().Be(CellSafety.IsFormulaLike(cell) ? "'" + cell : cell, because);
    }

    [Fact]
    public void Plain_text_and_nothing_stay_as_they_are()
    {
        CellSafety.Neutralise("Альфа").Should().Be("Альфа");
        CellSafety.Neutralise("7 916 123 45 67").Should().Be("7 916 123 45 67");
        CellSafety.Neutralise("").Should().Be("");
        CellSafety.Neutralise(null).Should().Be("");
    }
}
