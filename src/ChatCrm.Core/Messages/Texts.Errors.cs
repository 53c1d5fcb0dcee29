using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    /// <summary>A rule refused the change: one short sentence saying why, in the user's words. Nothing was changed.</summary>
    public abstract string Error(DomainError error, string? detail = null);
}
