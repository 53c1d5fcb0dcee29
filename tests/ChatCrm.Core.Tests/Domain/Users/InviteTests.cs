using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Tests.Domain.Users;

public sealed class InviteTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_invite_is_valid_once_and_until_it_expires()
    {
        var invite = Invite.Create(Role.Manager, 1, Now);

        invite.StateAt(Now.AddDays(6)).Should().Be(InviteState.Valid);
        invite.StateAt(Now.AddDays(7)).Should().Be(InviteState.Expired);
        invite.Redeem(42, Now.AddHours(1));
        invite.StateAt(Now.AddHours(2)).Should().Be(InviteState.Used);
        invite.Invoking(i => i.Redeem(43, Now.AddHours(3))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Invite_codes_are_unguessable_and_fit_a_deep_link()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => Invite.Create(Role.Manager, 1, Now).Code).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => c.Length == 16 && c.All(char.IsAsciiLetterOrDigit));
    }
}
