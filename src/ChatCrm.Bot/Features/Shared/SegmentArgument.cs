using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>An optional `[#segment]` argument: a live segment by name or button id, or buttons of the nearest ones.</summary>
public static class SegmentArgument
{
    /// <summary>
    /// (true, null) when <paramref name="args"/> is empty; (true, the segment) when it names one; otherwise asks with
    /// buttons that re-run <paramref name="command"/> (with the pick in <c>{0}</c> of <paramref name="template"/>, so
    /// the command's other arguments survive) and returns (false, null).
    /// </summary>
    public static async Task<(bool Found, Segment? Segment)> ReadAsync(BotContext ctx, string command, string args, CancellationToken ct,
        string template = "{0}")
    {
        var query = args.Trim();
        if (query.Length == 0)
        {
            return (true, null);
        }

        var name = query.TrimStart('#');
        var segments = await ctx.Db.Segments.Where(s => !s.IsRetired).OrderBy(s => s.Name).ToListAsync(ct);
        var segment = ProcessArgs.Id(query, 'g') is { } id
            ? segments.FirstOrDefault(s => s.Id == id)
            : segments.FirstOrDefault(s => ProcessArgs.Same(s.Name, name));
        if (segment is not null)
        {
            return (true, segment);
        }

        ctx.AskChoice(command, template, ctx.T.SegmentNotFound(name),
            ProcessArgs.Suggest(segments, s => s.Name, name).Take(12).Select(s => ("#" + s.Name, ProcessArgs.Ref('g', s.Id))));
        return (false, null);
    }
}
