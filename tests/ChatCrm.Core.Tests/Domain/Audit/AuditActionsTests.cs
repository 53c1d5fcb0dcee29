using ChatCrm.Core.Domain.Audit;

namespace ChatCrm.Core.Tests.Domain.Audit;

public sealed class AuditActionsTests
{
    [Theory]
    [InlineData(AuditActions.ClientCreated)]
    [InlineData(AuditActions.DealWon)]
    [InlineData(AuditActions.StageRenamed)]
    [InlineData(AuditActions.UserRole)]
    [InlineData("reason.added")]
    [InlineData("obligation.payment")]
    public void What_changes_the_shared_crm_is_a_change_for_undo(string action) =>
        AuditActions.IsChange(action).Should().BeTrue();

    [Theory]
    [InlineData(AuditActions.AccessDenied)]
    [InlineData(AuditActions.Undo)]
    [InlineData(AuditActions.DealUndo)]
    [InlineData(AuditActions.ObligationUndo)]
    [InlineData("client.undo")]
    [InlineData(AuditActions.UserLanguage)]
    [InlineData(AuditActions.UserTimeZone)]
    [InlineData(AuditActions.UserQuietHours)]
    [InlineData(AuditActions.UserBlockedBot)]
    [InlineData(AuditActions.UserUnblockedBot)]
    [InlineData(AuditActions.DataExported)]
    public void Refusals_undos_and_own_preferences_are_not_changes(string action) =>
        AuditActions.IsChange(action).Should().BeFalse();
}
