using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string DealOpened(long number, string title, string client, decimal amount, string currency, string stage, string? cycle) =>
        $"💼 Deal #{number} {Named(title, client)}, {Money(amount, currency)} — stage “{Escape(stage)}”"
        + (cycle is null ? "" : $" (cycle “{Escape(cycle)}”)");

    public override string DealAskClient() =>
        "💼 Which client is the deal with, and for how much? For example: Acme 150k machine tools";

    public override string DealAskAmount(string client) =>
        $"💼 Deal with {Bold(client)}: what amount? For example: 150k, 1.5m, 150 000 ₽";

    public override string AmountUnreadable(string input) =>
        $"⚠️ I couldn't read the amount “{Escape(input)}”. It must be above zero, in rubles: 150000, 150k, 1.5m, 150 000 ₽. Nothing was saved.";

    public override string DealCycleNotFound(string input, string cycles) =>
        $"⚠️ There is no sales cycle “{Escape(input)}”. There are: {Escape(cycles)}. Nothing was saved.";

    public override string DealAskNumber(string command) =>
        $"Which deal? Give its number: /{Escape(command)} 42. Your deals: /deals";

    public override string DealsEmpty(string? filter) =>
        filter is null
            ? "📭 No open deals. Open one: /deal Acme 150k"
            : $"📭 No open deals for “{Escape(filter)}”. All deals: /deals";

    public override string DealsHeader(int total, int page, int pages, string? filter) =>
        $"💼 <b>Open deals</b>{(filter is null ? "" : $" — “{Clip(filter, 100)}”")}: {total}"
        + (pages > 1 ? $" (page {page}/{pages})" : "");

    public override string DealsStage(string stage, string? cycle) =>
        $"\n<b>{Clip(stage)}</b>{(cycle is null ? "" : $" · cycle “{Clip(cycle)}”")}";

    public override string DealsLine(long number, string title, string client, decimal amount, string currency, int daysInStage, string? owner) =>
        $"#{number} {Clip(client)}{(title == client ? "" : $" “{Clip(title)}”")} — {Money(amount, currency)}, "
        + Plural.En(daysInStage, "day", "days") + Whose(owner);

    public override string DealsFilterUnknown(string query) =>
        $"I found neither a stage nor a client “{Escape(query)}”. All deals: /deals";

    public override string PickStage(long number, string title, string stage) =>
        $"Deal #{number} “{Escape(title)}” is at “{Escape(stage)}”. Move it to:";

    public override string StageUnknown(string input, string cycle) =>
        $"⚠️ The cycle “{Escape(cycle)}” has no stage “{Escape(input)}”. Pick a stage:";

    public override string DealMoved(long number, string title, string from, string to) =>
        $"➡️ Deal #{number} “{Escape(title)}”: “{Escape(from)}” → “{Escape(to)}”";

    public override string DealClosedReopenOffer(long number, string title, bool won, string? stage) =>
        $"⚠️ Deal #{number} “{Escape(title)}” is already {(won ? "won" : "lost")} and doesn't move. "
        + (stage is null ? "Reopen it — pick a stage:" : $"Reopen it at “{Escape(stage)}”?");

    public override string DealWon(long number, string title, decimal amount, string currency) =>
        $"🏆 Deal #{number} “{Escape(title)}” is won: {Money(amount, currency)}! Invoice: /invoice {number} &lt;amount&gt; due &lt;date&gt;";

    public override string PickLostReason(long number, string title, string? typed) =>
        (typed is null ? "" : $"I don't know the reason “{Escape(typed)}”. ")
        + $"Why was deal #{number} “{Escape(title)}” lost? Pick a reason:";

    public override string DealLostBecause(long number, string title, string reason) =>
        $"❌ Deal #{number} “{Escape(title)}” is lost — reason “{Escape(reason)}”.";

    public override string DealReopened(long number, string title, string stage) =>
        $"🔄 Deal #{number} “{Escape(title)}” is open again — stage “{Escape(stage)}”.";

    public override string WonButton => "🏆 Won";
    public override string LostButton => "❌ Lost";
    public override string ReopenButton => "🔄 Reopen";

    public override string InvoiceUsage() =>
        "Invoice: /invoice &lt;deal&gt; &lt;amount&gt; due &lt;date&gt;, e.g. /invoice 42 50k due fri";

    public override string PaidUsage() =>
        "Payment: /paid &lt;deal&gt; &lt;amount&gt; [at &lt;when&gt;], e.g. /paid 42 50k at yesterday";

    public override string AskDueDate(long number, decimal amount, string currency) =>
        $"🧾 Invoice on deal #{number} for {Money(amount, currency)}: when is it due? For example: fri, 25.12, in 10 days";

    public override string DateUnreadable(string input) =>
        $"⚠️ I couldn't read the date “{Escape(input)}”. For example: today, yesterday, fri, 25.12, in 3 days. Nothing was saved.";

    public override string InvoiceRecorded(long number, string title, decimal amount, string currency, string due, decimal owed) =>
        $"🧾 Invoice on deal #{number} “{Escape(title)}”: {Money(amount, currency)}, due {Escape(due)}.\n{Owed(owed, currency)}";

    public override string PaymentRecorded(long number, string title, decimal amount, string currency, string when, decimal owed) =>
        $"💰 Payment on deal #{number} “{Escape(title)}”: {Money(amount, currency)} ({Escape(when)}).\n{Owed(owed, currency)}";

    public override string ShipmentRecorded(long number, string title, string when, string? note, decimal owed, string currency) =>
        $"📦 Shipment on deal #{number} “{Escape(title)}” ({Escape(when)}){(note is null ? "" : $": {Escape(note)}")}.\n{Owed(owed, currency)}";
    public override string ShipmentExpected(long number, string title, string when) =>
        $"🚚 Shipment on deal #{number} “{Escape(title)}” expected {Escape(when)}.";


    public override string UndoDealOpened(long number) => $"opening deal #{number}";
    public override string UndoDealMoved(long number) => $"moving deal #{number}";
    public override string UndoDealWon(long number) => $"winning deal #{number}";
    public override string UndoDealLost(long number) => $"losing deal #{number}";
    public override string UndoDealReopened(long number) => $"reopening deal #{number}";
    public override string UndoInvoice(long number) => $"the invoice on deal #{number}";
    public override string UndoPayment(long number) => $"the payment on deal #{number}";
    public override string UndoShipment(long number) => $"the shipment on deal #{number}";
    public override string UndoShipmentExpected(long number) => $"the expected shipment on deal #{number}";

    public override string MeHeader(string name, DateTime localNow) =>
        $"📊 <b>{Escape(name)}</b>, {En.DateTimeFormat.MonthNames[localNow.Month - 1]} {localNow.Year}";

    public override string MeTouches(string workType, int done, int? expected) =>
        $"• {Escape(workType)}: {done}" + (expected is { } e ? $" of {e} by the norm{(done >= e ? " ✅" : "")}" : "");

    public override string MeNoTouches() => "• No touches logged this month yet.";

    public override string MePipeline(int openDeals, decimal amount, decimal weighted, string currency) =>
        $"💼 Open deals: {openDeals} worth {Money(amount, currency)}, weighted {Money(weighted, currency)}";

    public override string MeWon(int count, decimal amount, decimal? target, string currency) =>
        $"🏆 Won: {Plural.En(count, "deal", "deals")} worth {Money(amount, currency)}"
        + (target is { } t ? $" — {PercentOf(amount, t)}% of the {Money(t, currency)} target" : "");

    public override string MePaid(decimal amount, decimal? target, string currency) =>
        $"💰 Paid: {Money(amount, currency)}" + (target is { } t ? $" — {PercentOf(amount, t)}% of the target" : "");

    public override string MeNoTarget() => "🎯 No target for this month yet — your head of sales sets it (/target).";

    private string Owed(decimal owed, string currency) =>
        owed > 0 ? $"Still to be paid: {Money(owed, currency)}" : "Nothing owed on invoices ✅";

    private static string Named(string title, string client) =>
        title == client ? Bold(client) : $"“{Escape(title)}” ({Bold(client)})";

    protected override void AddDealDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["deal"] = new("open a deal; products on a deal", "/deal &lt;client&gt; &lt;amount&gt; [title or product] [cycle &lt;cycle&gt;] | &lt;deal&gt; + &lt;product&gt; [qty] [price] | &lt;deal&gt; - &lt;product&gt;", "/deal 42 + CNC machine 2 1.5m");
        docs["deals"] = new("my open deals by stage", "/deals [stage or client]", "/deals Negotiation");
        docs["move"] = new("move a deal to another stage", "/move &lt;deal&gt; [stage or its number]", "/move 42 Proposal");
        docs["won"] = new("the deal is won", "/won &lt;deal&gt; [final amount]", "/won 42 140k");
        docs["lost"] = new("the deal is lost (with a reason)", "/lost &lt;deal&gt; [reason] [comment]", "/lost 42 Price");
        docs["invoice"] = new("an invoice: a payment expected, and the shipment date if agreed",
            "/invoice &lt;deal&gt; &lt;amount&gt; due &lt;date&gt; [ship &lt;date&gt;]", "/invoice 42 50k due fri ship 15.12");
        docs["paid"] = new("a payment received", "/paid &lt;deal&gt; &lt;amount&gt; [at &lt;when&gt;]", "/paid 42 50k at yesterday");
        docs["shipped"] = new("a shipment on a deal, or with ship &lt;date&gt; the date it is expected",
            "/shipped &lt;deal&gt; [at &lt;when&gt;] [note] · /shipped &lt;deal&gt; ship &lt;date&gt;", "/shipped 42 machines delivered · /shipped 42 ship mon");
        docs["me"] = new("my touches, deals and target this month", "/me", "/me");
    }

    public override string DealMovedByOther(string who, long number, string title, string from, string to) =>
        $"🔀 {Escape(who)} moved your deal #{number} “{Escape(title)}”: {Escape(from)} → {Bold(to)}";

    public override string DealWonByOther(string who, long number, string title, decimal amount, string currency) =>
        $"🏆 {Escape(who)} marked your deal #{number} “{Escape(title)}” won: {Money(amount, currency)}";

    public override string DealLostByOther(string who, long number, string title, string reason) =>
        $"❌ {Escape(who)} closed your deal #{number} “{Escape(title)}” as lost. Reason: {Escape(reason)}";
}
