using Humanizer;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    protected override void AddClientDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["client"] = new("new client", "/client &lt;name&gt;[, phone][, e-mail][, #segment]", "/client Acme Ltd, +44 20 7946 0958, info@acme.com");
        docs["clients"] = new("my clients and search", "/clients [part of a name, phone or e-mail]", "/clients acme");
        docs["card"] = new("client card", "/card &lt;client&gt;", "/card Acme");
        docs["call"] = new("log a call", "/call &lt;client&gt; [note] [next &lt;when&gt;] [at &lt;when it was&gt;]", "/call Acme discussed the price next fri 3pm");
        docs["meet"] = new("log a meeting", "/meet &lt;client&gt; [note] [next &lt;when&gt;] [at &lt;when it was&gt;]", "/meet Acme showed samples next in 3 days");
        docs["demo"] = new("log a demo", "/demo &lt;client&gt; [note] [next &lt;when&gt;] [at &lt;when it was&gt;]", "/demo Acme at yesterday 4pm");
        docs["email"] = new("log an e-mail", "/email &lt;client&gt; [note] [next &lt;when&gt;] [at &lt;when it was&gt;]", "/email Acme sent the quote next tomorrow");
        docs["log"] = new("log a touch of any work type", "/log &lt;work type&gt; &lt;client&gt; [note] [next &lt;when&gt;] [at &lt;when it was&gt;]", "/log demo Acme next monday 11:00");
        docs["plan"] = new("plan a contact", "/plan &lt;client&gt; &lt;when&gt; [work type] [note]", "/plan Acme tomorrow 3pm meeting discuss the contract");
        docs["today"] = new("my plan for today", "/today", "/today");
        docs["week"] = new("my plan for the week", "/week", "/week");
        docs["forgotten"] = new("forgotten clients", "/forgotten", "/forgotten");
    }

    public override string Tomorrow => "Tomorrow";
    public override string InThreeDays => "In 3 days";
    public override string NextWeek => "Next week";
    public override string PickDate => "📅 Other date";
    public override string NoNextContact => "No next contact";
    public override string CardButton => "🗂 Card";
    public override string TodayButton => "📋 Today's plan";
    public override string LogCallButton => "📞 Call";
    public override string PlanButton => "📅 Plan";
    public override string NewDealButton => "💼 Deal";
    public override string WithoutNoteButton => "✅ No note";
    public override string RefreshButton => "🔄 Refresh";
    public override string WithoutSegmentButton => "No segment";
    public override string CreateAnywayButton => "➕ Create anyway";

    public override string Ago(DateTime utc, DateTime nowUtc) =>
        utc.Humanize(utcDate: true, dateToCompareAgainst: nowUtc, culture: En);

    public override string AndMore(int count) => $"…and {count} more";

    public override string AskClientName() =>
        "What is the client called? Contacts may follow: <i>Acme, +44 20 7946 0958, info@acme.com</i>";

    public override string ClientCreated(string client, string contacts, string? segment) =>
        $"✅ Client {Bold(client)} created"
        + (segment is null ? "" : $", segment #{Escape(segment)}")
        + (contacts.Length == 0 ? "." : $".\n📇 {Escape(contacts)}")
        + "\nWhat next?";

    protected override string ClientUndoFormat => "client “{0}” created";

    public override string SegmentUnknown(string segment, bool othersExist) =>
        $"There is no segment “#{Escape(segment)}”. " + (othersExist ? "Pick one, or create the client without:" : "Create the client without a segment?");

    public override string DuplicateHeader(string client) => $"🔎 “{Escape(client)}” may already be here:";

    public override string DuplicateLine(string client, string contacts, string? owner, bool mine, bool samePhone, bool sameEmail)
    {
        var why = samePhone && sameEmail ? "same phone and e-mail" : samePhone ? "same phone" : sameEmail ? "same e-mail" : "similar name";
        var whose = mine ? "your client" : owner is null ? Unassigned : $"managed by {Escape(owner)}";
        return $"• {Bold(client)}{(contacts.Length == 0 ? "" : $" ({Escape(contacts)})")} — {why}, {whose}";
    }

    public override string Unassigned => "unassigned";

    public override string DuplicateRefused(string client) => $"⚠️ Client “{Escape(client)}” was not created:";

    public override string DuplicateElsewhere(string? owner, bool samePhone, bool sameEmail)
    {
        var why = samePhone && sameEmail ? "same phone and e-mail" : samePhone ? "same phone" : sameEmail ? "same e-mail" : "same name";
        var whose = owner is null ? "it has no manager" : $"{Escape(owner)} manages it";
        return $"• This client already exists — {whose} ({why}). Please ask your head.";
    }

    public override string DuplicateQuestion() => "Open the existing one, or create a new client anyway?";

    public override string NoClients() => "You have no clients yet. Add one: /client Acme, +44 20 7946 0958";

    public override string ClientsHeader(int total, int page, int pages, bool everyone) =>
        $"👥 <b>{(everyone ? "All clients" : "My clients")}</b>: {Plural.En(total, "client", "clients")}" + (pages > 1 ? $" (page {page}/{pages})" : "");

    public override string ClientsFound(string query, int total) =>
        $"🔎 “{Escape(query)}”: {Plural.En(total, "client", "clients")}";

    public override string ClientsNotFound(string query) =>
        $"🔎 Nothing matches “{Escape(query)}” — no name, phone or e-mail. All clients: /clients";

    protected override string NoTouchesShort => "no touches yet";

    public override string ClientsHint() => "Tap a number to open the card.";

    public override string CardHeader(string client, string? segment, string? owner, string created) =>
        $"🗂 {Bold(client)}" + (segment is null ? "" : $" · #{Escape(segment)}")
        + $"\n👤 {Escape(owner ?? Unassigned)} · created {Escape(created)}";

    public override string CardNoDeals() => "💼 No open deals.";

    public override string CardDealsHeader(int total) => $"💼 <b>Open deals</b> ({total}):";

    public override string CardDeal(int number, string title, string stage, decimal amount, string currency, int daysInStage) =>
        $"#{number} “{Escape(title)}” — {Escape(stage)}, {Money(amount, currency)}, {Plural.En(daysInStage, "day", "days")} in stage";

    public override string CardNoTouches() => "🕑 No touches yet.";

    public override string CardTouchesHeader() => "🕑 <b>Last touches</b>:";

    public override string CardNoNext() => "📅 No next contact planned.";

    public override string CardNext(string workType, string when, bool overdue, string note) =>
        $"{(overdue ? "⚠️ Overdue" : "📅 Next")} contact: {Escape(workType)}, {Escape(when)}" + (note.Length == 0 ? "" : $" — {Escape(note)}");

    public override string AskTouchClient(string workType) =>
        $"{Escape(workType)}: with which client? Type the name, a note and “next tomorrow 3pm” may follow.";

    public override string AskTouchNote(string workType, string client) =>
        $"{Escape(workType)}: {Bold(client)}. What was discussed? Type a note — “next fri 3pm” may follow.";

    public override string AskWorkType() => "Which work type should I log?";

    public override string WorkTypeUnknown(string workType, IReadOnlyList<string> codes) =>
        $"There is no work type “{Escape(workType)}”."
        + (codes.Count == 0 ? " Ask an admin to add one: /worktypes" : $" There are: {Escape(string.Join(", ", codes))}.");

    public override string TouchLogged(string workType, string client, string? backDatedTo, string? next) =>
        $"✅ {Escape(workType)}: {Escape(client)}"
        + (backDatedTo is null ? "" : $" ({Escape(backDatedTo)})")
        + (next is null ? "" : $" — next {Escape(next)}");

    public override string AskNextContact(string client) => $"When is the next contact with {Bold(client)}?";

    public override string NextContactAlready(string when) => $"📅 The next contact is already planned: {Escape(when)}.";

    public override string NoNextContactSet(string client) => $"OK, no next contact with {Bold(client)}.";

    public override string AskPlanClient() => "Which client should I plan a contact with? For example: <i>Acme tomorrow 3pm</i>";

    public override string AskWhen(string client) =>
        $"When should you contact {Bold(client)}? Pick or type: <i>fri 3pm</i>, <i>in 3 days</i>, <i>Dec 25 at 11</i>.";

    public override string WhenNotUnderstood(string text) =>
        $"I could not read when: “{Escape(text)}”. Type e.g. <i>tomorrow 3pm</i>, <i>fri</i> or <i>in 3 days</i> — or pick:";

    public override string ContactPlanned(string workType, string client, string when, bool overdue) =>
        $"📅 {Escape(workType)}: {Escape(client)} — {Escape(when)}" + (overdue ? "\n⚠️ That time has passed — the contact is overdue already." : "");

    protected override string PlanUndoFormat => "planned: {0} — {1}";

    protected override string MoveUndoFormat => "moved: {0} — {1}";

    public override string AskDeal(string client) =>
        $"💼 A deal with {Bold(client)}: type the amount and, if you like, a title — e.g. <i>150k machine supply</i>.";

    public override string TodayHeader(string date) => $"📋 <b>Today's plan</b>, {Escape(date)}";

    public override string WeekHeader() => "📋 <b>This week's plan</b>";

    public override string OverdueHeader(int total) => $"⚠️ <b>Overdue</b> ({total}):";

    public override string PlannedTodayHeader(int total) => $"📅 <b>Today</b> ({total}):";

    public override string PlannedWeekHeader(int total) => $"📅 <b>Planned for 7 days</b> ({total}):";

    public override string NothingPlanned() => "nothing — plan one: /plan Acme tomorrow 3pm";

    public override string PlanButtonsHint() => "✅ — done, ⏰ — move by a day (for forgotten clients: a call tomorrow).";

    public override string ForgottenHeader(int total) => $"💤 <b>Forgotten clients</b> ({total}):";

    public override string ForgottenLine(int number, string client, int daysSilent) =>
        $"{number}. {Bold(client)} — no contact for {Plural.En(daysSilent, "day", "days")}";

    public override string ForgottenButtonsHint() => "📞 — log a call, 📅 — plan a contact.";

    public override string NoForgotten(int days) =>
        $"💤 No forgotten clients: everyone with an open deal was contacted within {Plural.En(days, "day", "days")}.";

}
