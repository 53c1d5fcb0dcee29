using ChatCrm.Core.Commands;

namespace ChatCrm.Core.Tests.Commands;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("/help", "help", "", null)]
    [InlineData("/HELP tz", "help", "tz", null)]
    [InlineData("/deals@chatcrm_bot", "deals", "", "chatcrm_bot")]
    [InlineData("/call Ромашка обсудили цену далее завтра 15:00", "call", "Ромашка обсудили цену далее завтра 15:00", null)]
    [InlineData("/start inv_Q2x9kLm0", "start", "inv_Q2x9kLm0", null)]
    [InlineData("/tz   Europe/Berlin  ", "tz", "Europe/Berlin", null)]
    public void Reads_the_name_the_addressee_and_the_arguments(string text, string name, string args, string? to)
    {
        var command = CommandLine.TryParse(text);

        command.Should().Be(new CommandLine(name, args, to));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("/")]
    [InlineData("/звонок Ромашка")]
    [InlineData("/help-me")]
    [InlineData(" /help")]
    public void Text_that_is_not_a_command_is_not_one(string? text) => CommandLine.TryParse(text).Should().BeNull();

    [Theory]
    [InlineData("/deals@chatcrm_bot", "chatcrm_bot", true)]
    [InlineData("/deals@ChatCrm_Bot", "chatcrm_bot", true)]
    [InlineData("/deals@other_bot", "chatcrm_bot", false)]
    [InlineData("/deals", "chatcrm_bot", true)]
    public void A_command_for_another_bot_is_not_ours(string text, string us, bool ours) =>
        CommandLine.TryParse(text)!.IsFor(us).Should().Be(ours);
}
