namespace ChatCrm.Bot.Features.Shared;

/// <summary>A command typed as /name args (or re-run from a button or a dialog answer).</summary>
public interface ICommandHandler
{
    Task HandleAsync(BotContext ctx, string args, CancellationToken ct);
}

/// <summary>A button tap: callback data `prefix:a:b` arrives as ["a", "b"].</summary>
public interface ICallbackHandler
{
    Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct);
}
