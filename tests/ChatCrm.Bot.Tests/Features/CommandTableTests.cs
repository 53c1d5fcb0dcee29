using System.Text;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features;

/// <summary>Every button is a route in <see cref="CommandTable"/>, and the host registers what the table names — no more.</summary>
public sealed class CommandTableTests
{
    [Fact]
    public void A_button_under_a_scheduled_message_keeps_the_data_it_was_sent_with_before_it_became_a_route()
    {
        MarkContactDone.Data(42).Should().Be("sch:done:42");
        MarkContactDone.Data(42, fromPlan: true).Should().Be("sch:done:42:p");
        PostponeContact.Data(42, PostponeContact.ByAnHour).Should().Be("sch:later:42:h");
        PostponeContact.Data(42, PostponeContact.ByADay, fromPlan: true).Should().Be("sch:later:42:d:p");
        RescheduleContact.Data(42).Should().Be("sch:move:42");
        RescheduleContact.Data(42, 3).Should().Be("sch:move:42:3");
        LogCallFromNudge.Data(7).Should().Be("sch:call:7");
        PlanFromNudge.Data(7).Should().Be("sch:plan:7");
        PlanFromNudge.Data(7, 3).Should().Be("sch:plan:7:3");
        SnoozeClient.Data(7).Should().Be("sch:snooze:7");
        SnoozeClient.Data(7, 2).Should().Be("sch:snooze:7:2");
        SnoozeClient.Data(7, 2, 14).Should().Be("sch:snooze:7:2:14");
        LoseClient.Data(7).Should().Be("sch:lost:7");
        LoseClient.Data(7, 5).Should().Be("sch:lost:7:5");
        HandOverClient.Data(7).Should().Be("sch:hand:7");
        HandOverClient.Data(7, 9).Should().Be("sch:hand:7:9");
    }

    [Fact]
    public void The_longest_scheduled_button_data_fits_telegrams_64_bytes()
    {
        string[] longest =
        [
            MarkContactDone.Data(long.MaxValue, fromPlan: true), PostponeContact.Data(long.MaxValue, PostponeContact.ByADay, fromPlan: true),
            RescheduleContact.Data(long.MaxValue, 7), PlanFromNudge.Data(long.MaxValue, 7), SnoozeClient.Data(long.MaxValue, 3, 30),
            LoseClient.Data(long.MaxValue, long.MaxValue), HandOverClient.Data(long.MaxValue, long.MaxValue),
        ];

        longest.Should().OnlyContain(d => Encoding.UTF8.GetByteCount(d) <= 64);
    }

    [Theory]
    [InlineData("sch:done:42:p", typeof(MarkContactDone), new[] { "42", "p" })]
    [InlineData("sch:hand:7", typeof(HandOverClient), new[] { "7" })]
    [InlineData("card:5", typeof(ShowCard), new[] { "5" })]
    [InlineData("ca:c:5", typeof(ClientActions), new[] { "c", "5" })]
    public void Callback_data_finds_its_route_by_a_two_segment_prefix_first_then_by_one(string data, Type handler, string[] args)
    {
        var found = CommandTable.FindCallback(data.Split(':'));

        found.Should().NotBeNull();
        found!.Value.Route.Handler.Should().Be(handler);
        found.Value.Args.Should().Equal(args);
    }

    [Fact]
    public void Unknown_callback_data_finds_no_route()
    {
        CommandTable.FindCallback("sch:frobnicate:1".Split(':')).Should().BeNull();
        CommandTable.FindCallback(["sch"]).Should().BeNull();
    }

    [Fact]
    public void No_one_segment_prefix_hides_part_of_a_two_segment_family()
    {
        var prefixes = CommandTable.Callbacks.Select(c => c.Prefix).ToList();
        var families = prefixes.Where(p => p.Contains(':', StringComparison.Ordinal)).Select(p => p.Split(':')[0]).ToHashSet();

        prefixes.Should().OnlyHaveUniqueItems().And.OnlyContain(p => p.Split(':').Length <= 2);
        prefixes.Should().NotContain(p => families.Contains(p), "a route `sch` would silently take every sch:<verb> the table does not name");
    }

    [Fact]
    public void Every_undo_handler_is_named_in_the_table()
    {
        var implemented = typeof(CommandTable).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUndoHandler).IsAssignableFrom(t));

        CommandTable.UndoHandlers.Should().BeEquivalentTo(implemented, "an undo handler left out of the list would make /undo throw for its kind");
    }

    [Fact]
    public async Task The_host_resolves_every_route_and_one_undo_handler_per_kind()
    {
        await using var app = await ChatCrmApp.StartAsync();

        await app.ExecuteAsync(services =>
        {
            foreach (var route in CommandTable.Commands.Select(c => c.Handler).Concat(CommandTable.Callbacks.Select(c => c.Handler)))
            {
                services.GetRequiredService(route).Should().NotBeNull();
            }

            var undos = services.GetServices<IUndoHandler>().ToList();
            undos.Select(u => u.GetType()).Should().BeEquivalentTo(CommandTable.UndoHandlers);
            undos.Select(u => u.Kind).Should().OnlyHaveUniqueItems();
            return Task.CompletedTask;
        });
    }
}
