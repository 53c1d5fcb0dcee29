using System.Security.Cryptography;

namespace ChatCrm.Core.Domain.Users;

/// <summary>A one-time, expiring code that lets one new person join with a given role.</summary>
public sealed class Invite
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Invite()
    {
        Code = "";
    }

    public long Id { get; private set; }

    /// <summary>Goes into the deep link `?start=`; Telegram allows [A-Za-z0-9_-] up to 64 chars.</summary>
    public string Code { get; private set; }
    public Role Role { get; private set; }
    public long CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public long? UsedByUserId { get; private set; }
    public DateTime? UsedAt { get; private set; }

    /// <summary>
    /// The department the newcomer joins (<c>/invite staff Логистика</c>); null for the sales department, where every
    /// other invite puts people.
    /// </summary>
    public long? DepartmentId { get; private set; }

    public static Invite Create(Role role, long createdByUserId, DateTime nowUtc, long? departmentId = null) =>
        new()
        {
            Code = RandomNumberGenerator.GetString(Alphabet, 16),
            Role = role,
            DepartmentId = departmentId,
            CreatedByUserId = createdByUserId,
            CreatedAt = nowUtc,
            ExpiresAt = nowUtc + Lifetime,
        };

    public InviteState StateAt(DateTime nowUtc) =>
        UsedAt is not null ? InviteState.Used
        : nowUtc >= ExpiresAt ? InviteState.Expired
        : InviteState.Valid;

    public void Redeem(long userId, DateTime nowUtc)
    {
        if (StateAt(nowUtc) != InviteState.Valid)
        {
            throw new InvalidOperationException($"Invite {Id} is {StateAt(nowUtc)} and cannot be redeemed.");
        }

        UsedByUserId = userId;
        UsedAt = nowUtc;
    }
}

public enum InviteState
{
    Valid,
    Used,
    Expired,
}
