namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>Polls a condition on real time, for what other processes or hosts do on their own schedule.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="done"/> holds; fails the test, saying <paramref name="what"/> it waited for, after <paramref name="timeout"/>.</summary>
    public static Task HoldsAsync(Func<bool> done, TimeSpan timeout, string what) =>
        HoldsAsync(() => Task.FromResult(done()), timeout, what);

    /// <summary>The same for a condition that has to ask (the database, a server).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
