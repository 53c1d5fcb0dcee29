using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Tests.Domain.Users;

public sealed class UserTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, "ru", Language.En, Language.Ru)]
    [InlineData(null, "en-US", Language.Ru, Language.En)]
    [InlineData(null, "de", Language.En, Language.En)]
    [InlineData(null, null, Language.Ru, Language.Ru)]
    [InlineData(Language.En, "ru", Language.Ru, Language.En)]
    public void The_language_is_the_choice_then_telegrams_then_the_default(Language? chosen, string? telegram, Language fallback, Language expected) =>
        Languages.Pick(chosen, telegram, fallback).Should().Be(expected);

    [Fact]
    public void Last_seen_moves_once_a_minute_at_most_so_a_busy_user_is_not_rewritten_every_message()
    {
        var user = User.Create(7, "Иван", Role.Manager, "Europe/Moscow", Now);

        user.Seen(7, "Иван", null, "ru", Now);
        user.Seen(7, "Иван", null, "ru", Now.AddSeconds(59));
        user.LastSeenAt.Should().Be(Now);

        user.Seen(7, "Иван Петров", "ivan", "ru", Now.AddMinutes(1));
        user.LastSeenAt.Should().Be(Now.AddMinutes(1));
        user.DisplayName.Should().Be("Иван Петров", "what Telegram says about the user is always kept");
    }

    [Fact]
    public void A_dialog_expires_so_a_stale_question_does_not_capture_a_new_message()
    {
        var user = User.Create(5, "Иван", Role.Manager, "Europe/Moscow", Now);

        user.StartDialog("tz", "", Now.AddMinutes(15));

        user.ActiveDialog(Now.AddMinutes(10)).Should().Be(("tz", ""));
        user.ActiveDialog(Now.AddMinutes(16)).Should().BeNull();
    }

    [Theory]
    [InlineData(Role.Admin, Role.Manager, true)]
    [InlineData(Role.Head, Role.Head, true)]
    [InlineData(Role.Manager, Role.Head, false)]
    [InlineData(Role.Head, Role.Admin, false)]
    public void Each_role_includes_the_ones_before_it(Role role, Role required, bool allowed) =>
        role.Includes(required).Should().Be(allowed);

    [Theory]
    [InlineData("manager", Role.Manager)]
    [InlineData("Менеджер", Role.Manager)]
    [InlineData("руководитель", Role.Head)]
    [InlineData("admin", Role.Admin)]
    [InlineData("boss", null)]
    public void Roles_are_read_in_either_language(string word, Role? expected) => Roles.Parse(word).Should().Be(expected);
}
