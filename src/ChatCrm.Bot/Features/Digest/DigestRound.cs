using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Time;

using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digest;

/// <summary>
/// The heads' digests: daily at <c>Schedule:DailyDigestAt</c> on working days, weekly at <c>Schedule:WeeklyDigestAt</c>,
/// each in the head's own zone, text then funnel chart, under `digest:` / `wdigest:` keys. Heads in one zone share
/// one computation.
/// </summary>
public sealed class DigestRound(DigestQueries queries, ScheduledOutbox outbox, IOptions<WebAppOptions> web)
{
    public static string Key(DigestKind kind, long headId, DateOnly date) =>
        $"{(kind == DigestKind.Weekly ? "wdigest" : "digest")}:{headId}:{Due.Key(date)}";

    public async Task<int> RunAsync(DateTime nowUtc, IReadOnlyList<Recipient> heads, ScheduleSettings settings, CancellationToken ct)
    {
        var computed = new Dictionary<(DigestKind, DateTime, DateTime), DigestData>();
        var written = 0;
        foreach (var head in heads)
        {
            foreach (var kind in DueKinds(head, settings))
            {
                var key = Key(kind, head.Id, head.Today);
                if (await outbox.SentAsync(key, ct))
                {
                    continue;
                }

                var period = DigestPeriods.For(kind, head.Today, head.Zone, nowUtc);
                if (!computed.TryGetValue((kind, period.FromUtc, period.ToUtc), out var data))
                {
                    computed[(kind, period.FromUtc, period.ToUtc)] = data = await queries.BuildAsync(period, settings.ForgottenAfterDays, ct);
                }

                var pages = DigestComposer.Pages(head.T, data, head.Zone);
                var until = kind == DigestKind.Weekly
                    ? Due.WindowEndsUtc(head.Today, settings.WeeklyDigestAt, Due.WeeklyDigestWindow, head.Zone)
                    : Due.WindowEndsUtc(head.Today, settings.DailyDigestAt, Due.DailyDigestWindow, head.Zone);
                outbox.Message(head.ChatId, SendDigest.Page(head.T, pages, 1, kind, head.Today, web.Value.Url), key, until);
                outbox.Photo(head.ChatId, FunnelChart.Render(data.Funnel, head.T.FunnelTitle, head.T.Culture), SendDigest.Caption(head.T, data), key + ":chart", until);
                if (await outbox.CommitAsync(ct))
                {
                    written++;
                }
            }
        }

        return written;
    }

    private static IEnumerable<DigestKind> DueKinds(Recipient head, ScheduleSettings s)
    {
        if (Due.IsWorkingDay(head.Local) && Due.InWindow(head.Local, s.DailyDigestAt, Due.DailyDigestWindow, head.User.Quiet))
        {
            yield return DigestKind.Daily;
        }

        if (head.Local.DayOfWeek == s.WeeklyDigestDay && Due.InWindow(head.Local, s.WeeklyDigestAt, Due.WeeklyDigestWindow, head.User.Quiet))
        {
            yield return DigestKind.Weekly;
        }
    }
}
