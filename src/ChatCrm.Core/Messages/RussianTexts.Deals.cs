using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string DealOpened(long number, string title, string client, decimal amount, string currency, string stage, string? cycle) =>
        $"💼 Сделка #{number} {Named(title, client)}, {Money(amount, currency)} — этап «{Escape(stage)}»"
        + (cycle is null ? "" : $" (цикл «{Escape(cycle)}»)");

    public override string DealAskClient() =>
        "💼 С каким клиентом сделка и на какую сумму? Например: Ромашка 150к поставка станков";

    public override string DealAskAmount(string client) =>
        $"💼 Сделка с {Bold(client)}: какая сумма? Например: 150к, 1,5 млн, 150 000 ₽";

    public override string AmountUnreadable(string input) =>
        $"⚠️ Не понял сумму «{Escape(input)}». Сумма больше нуля, в рублях: 150000, 150к, 1,5 млн, 150 000 ₽. Ничего не сохранено.";

    public override string DealCycleNotFound(string input, string cycles) =>
        $"⚠️ Нет цикла продаж «{Escape(input)}». Есть: {Escape(cycles)}. Ничего не сохранено.";

    public override string DealAskNumber(string command) =>
        $"Какая сделка? Укажите номер: /{Escape(command)} 42. Ваши сделки — /deals";

    public override string DealsEmpty(string? filter) =>
        filter is null
            ? "📭 Открытых сделок нет. Открыть: /deal Ромашка 150к"
            : $"📭 Открытых сделок по «{Escape(filter)}» нет. Все сделки — /deals";

    public override string DealsHeader(int total, int page, int pages, string? filter) =>
        $"💼 <b>Открытые сделки</b>{(filter is null ? "" : $" — «{Clip(filter, 100)}»")}: {total}"
        + (pages > 1 ? $" (стр. {page}/{pages})" : "");

    public override string DealsStage(string stage, string? cycle) =>
        $"\n<b>{Clip(stage)}</b>{(cycle is null ? "" : $" · цикл «{Clip(cycle)}»")}";

    public override string DealsLine(long number, string title, string client, decimal amount, string currency, int daysInStage, string? owner) =>
        $"#{number} {Clip(client)}{(title == client ? "" : $" «{Clip(title)}»")} — {Money(amount, currency)}, "
        + Plural.Ru(daysInStage, "день", "дня", "дней") + Whose(owner);

    public override string DealsFilterUnknown(string query) =>
        $"Не нашёл ни этапа, ни клиента «{Escape(query)}». Все сделки — /deals";

    public override string PickStage(long number, string title, string stage) =>
        $"Сделка #{number} «{Escape(title)}» сейчас на этапе «{Escape(stage)}». Куда двигаем?";

    public override string StageUnknown(string input, string cycle) =>
        $"⚠️ В цикле «{Escape(cycle)}» нет этапа «{Escape(input)}». Выберите этап:";

    public override string DealMoved(long number, string title, string from, string to) =>
        $"➡️ Сделка #{number} «{Escape(title)}»: «{Escape(from)}» → «{Escape(to)}»";

    public override string DealClosedReopenOffer(long number, string title, bool won, string? stage) =>
        $"⚠️ Сделка #{number} «{Escape(title)}» уже {(won ? "выиграна" : "проиграна")} и не двигается. "
        + (stage is null ? "Откройте её заново — выберите этап:" : $"Открыть заново на этапе «{Escape(stage)}»?");

    public override string DealWon(long number, string title, decimal amount, string currency) =>
        $"🏆 Сделка #{number} «{Escape(title)}» выиграна: {Money(amount, currency)}! Счёт: /invoice {number} &lt;сумма&gt; срок &lt;дата&gt;";

    public override string PickLostReason(long number, string title, string? typed) =>
        (typed is null ? "" : $"Не знаю причины «{Escape(typed)}». ")
        + $"Почему проиграна сделка #{number} «{Escape(title)}»? Выберите причину:";

    public override string DealLostBecause(long number, string title, string reason) =>
        $"❌ Сделка #{number} «{Escape(title)}» проиграна — причина «{Escape(reason)}».";

    public override string DealReopened(long number, string title, string stage) =>
        $"🔄 Сделка #{number} «{Escape(title)}» снова открыта — этап «{Escape(stage)}».";

    public override string WonButton => "🏆 Выиграна";
    public override string LostButton => "❌ Проиграна";
    public override string ReopenButton => "🔄 Открыть заново";

    public override string InvoiceUsage() =>
        "Счёт: /invoice &lt;сделка&gt; &lt;сумма&gt; срок &lt;дата&gt;, например /invoice 42 50к срок пт";

    public override string PaidUsage() =>
        "Оплата: /paid &lt;сделка&gt; &lt;сумма&gt; [дата &lt;когда&gt;], например /paid 42 50к дата вчера";

    public override string AskDueDate(long number, decimal amount, string currency) =>
        $"🧾 Счёт по сделке #{number} на {Money(amount, currency)}: до какого числа оплатить? Например: пт, 25.12, через 10 дней";

    public override string DateUnreadable(string input) =>
        $"⚠️ Не понял дату «{Escape(input)}». Например: сегодня, вчера, пт, 25.12, через 3 дня. Ничего не сохранено.";

    public override string InvoiceRecorded(long number, string title, decimal amount, string currency, string due, decimal owed) =>
        $"🧾 Счёт по сделке #{number} «{Escape(title)}»: {Money(amount, currency)}, оплатить до {Escape(due)}.\n{Owed(owed, currency)}";

    public override string PaymentRecorded(long number, string title, decimal amount, string currency, string when, decimal owed) =>
        $"💰 Оплата по сделке #{number} «{Escape(title)}»: {Money(amount, currency)} ({Escape(when)}).\n{Owed(owed, currency)}";

    public override string ShipmentRecorded(long number, string title, string when, string? note, decimal owed, string currency) =>
        $"📦 Отгрузка по сделке #{number} «{Escape(title)}» ({Escape(when)}){(note is null ? "" : $": {Escape(note)}")}.\n{Owed(owed, currency)}";
    public override string ShipmentExpected(long number, string title, string when) =>
        $"🚚 Отгрузка по сделке #{number} «{Escape(title)}» ожидается {Escape(when)}.";


    public override string UndoDealOpened(long number) => $"открытие сделки #{number}";
    public override string UndoDealMoved(long number) => $"перемещение сделки #{number}";
    public override string UndoDealWon(long number) => $"выигрыш сделки #{number}";
    public override string UndoDealLost(long number) => $"проигрыш сделки #{number}";
    public override string UndoDealReopened(long number) => $"открытие заново сделки #{number}";
    public override string UndoInvoice(long number) => $"счёт по сделке #{number}";
    public override string UndoPayment(long number) => $"оплата по сделке #{number}";
    public override string UndoShipment(long number) => $"отгрузка по сделке #{number}";
    public override string UndoShipmentExpected(long number) => $"ожидаемая отгрузка по сделке #{number}";

    public override string MeHeader(string name, DateTime localNow) =>
        $"📊 <b>{Escape(name)}</b>, {Ru.DateTimeFormat.MonthNames[localNow.Month - 1].ToLowerInvariant()} {localNow.Year}";

    public override string MeTouches(string workType, int done, int? expected) =>
        $"• {Escape(workType)}: {done}" + (expected is { } e ? $" из {e} по норме{(done >= e ? " ✅" : "")}" : "");

    public override string MeNoTouches() => "• Касаний в этом месяце пока нет.";

    public override string MePipeline(int openDeals, decimal amount, decimal weighted, string currency) =>
        $"💼 Открытых сделок: {openDeals} на {Money(amount, currency)}, взвешенно {Money(weighted, currency)}";

    public override string MeWon(int count, decimal amount, decimal? target, string currency) =>
        $"🏆 Выиграно: {Plural.Ru(count, "сделка", "сделки", "сделок")} на {Money(amount, currency)}"
        + (target is { } t ? $" — {PercentOf(amount, t)} % плана {Money(t, currency)}" : "");

    public override string MePaid(decimal amount, decimal? target, string currency) =>
        $"💰 Оплачено: {Money(amount, currency)}" + (target is { } t ? $" — {PercentOf(amount, t)} % плана" : "");

    public override string MeNoTarget() => "🎯 План на месяц не задан — его ставит руководитель (/target).";

    private string Owed(decimal owed, string currency) =>
        owed > 0 ? $"Ждём оплату: {Money(owed, currency)}" : "Долга по счетам нет ✅";

    private static string Named(string title, string client) =>
        title == client ? Bold(client) : $"«{Escape(title)}» ({Bold(client)})";

    protected override void AddDealDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["deal"] = new("открыть сделку; товары на сделке", "/deal &lt;клиент&gt; &lt;сумма&gt; [название или товар] [цикл &lt;цикл&gt;] | &lt;сделка&gt; + &lt;товар&gt; [кол-во] [цена] | &lt;сделка&gt; - &lt;товар&gt;", "/deal 42 + Станок ЧПУ 2 1,5 млн");
        docs["deals"] = new("мои открытые сделки по этапам", "/deals [этап или клиент]", "/deals Переговоры");
        docs["move"] = new("перевести сделку на другой этап", "/move &lt;сделка&gt; [этап или его номер]", "/move 42 Предложение");
        docs["won"] = new("сделка выиграна", "/won &lt;сделка&gt; [итоговая сумма]", "/won 42 140к");
        docs["lost"] = new("сделка проиграна (с причиной)", "/lost &lt;сделка&gt; [причина] [комментарий]", "/lost 42 Цена");
        docs["invoice"] = new("выставлен счёт: ожидаемая оплата и, если договорились, дата отгрузки",
            "/invoice &lt;сделка&gt; &lt;сумма&gt; срок &lt;дата&gt; [отгрузка &lt;дата&gt;]", "/invoice 42 50к срок пт отгрузка 15.12");
        docs["paid"] = new("получена оплата", "/paid &lt;сделка&gt; &lt;сумма&gt; [дата &lt;когда&gt;]", "/paid 42 50к дата вчера");
        docs["shipped"] = new("отгрузка по сделке, а с «отгрузка &lt;дата&gt;» — когда её ждать",
            "/shipped &lt;сделка&gt; [дата &lt;когда&gt;] [заметка] · /shipped &lt;сделка&gt; отгрузка &lt;дата&gt;", "/shipped 42 станки доставлены · /shipped 42 отгрузка пн");
        docs["me"] = new("мои касания, сделки и план за месяц", "/me", "/me");
    }

    public override string DealMovedByOther(string who, long number, string title, string from, string to) =>
        $"🔀 {Escape(who)}: ваша сделка #{number} «{Escape(title)}» перенесена: {Escape(from)} → {Bold(to)}";

    public override string DealWonByOther(string who, long number, string title, decimal amount, string currency) =>
        $"🏆 {Escape(who)}: ваша сделка #{number} «{Escape(title)}» отмечена выигранной, {Money(amount, currency)}";

    public override string DealLostByOther(string who, long number, string title, string reason) =>
        $"❌ {Escape(who)}: ваша сделка #{number} «{Escape(title)}» закрыта как проигранная. Причина: {Escape(reason)}";
}
