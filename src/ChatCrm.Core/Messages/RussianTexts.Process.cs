using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string UsageLead => "Не понял. Вот как это пишется:";
    public override string SyntaxLead => "✍️ Как задать:";

    private static string Deals(int n) => Plural.Ru(n, "сделка", "сделки", "сделок");

    private static string StagesWord(int n) => Plural.Ru(n, "этап", "этапа", "этапов");

    private static string DaysLimit(int? days) => days is { } d ? $"⏱ {Plural.Ru(d, "день", "дня", "дней")}" : "⏱ без срока";

    // Cycles
    public override string PipelinesHeader(int count) => $"🔁 <b>Циклы продаж</b> ({count}):";

    public override string PipelineLine(string name, bool isDefault, int stages, int deals, string amount) =>
        $"• {Bold(name)}{(isDefault ? " — основной" : "")}: {StagesWord(stages)}, {Deals(deals)} на {Escape(amount)}";

    public override string PipelinesFooter() =>
        "Новый цикл: /pipeline add &lt;название&gt;. Основной (там открываются сделки): /pipeline default &lt;цикл&gt;.";

    public override string AskCycleName() => "Как назовём новый цикл продаж? Напишите название.";

    public override string CycleNotFound(string query) =>
        query.Trim().Length == 0 ? "Какой цикл продаж?" : $"Цикла «{Escape(query)}» нет. Какой вы имели в виду?";

    public override string CycleDuplicate(string name) => $"⚠️ Цикл «{Escape(name)}» уже есть — выберите другое название.";

    public override string CycleAdded(string name) =>
        $"✅ Цикл {Bold(name)} создан. Добавьте ему этапы: /stage add &lt;этап&gt; cycle {Escape(name)}";

    public override string CycleRenamed(string before, string after) =>
        $"✅ Цикл «{Escape(before)}» теперь называется {Bold(after)}. В истории сделок прежние названия этапов сохранены.";

    public override string CycleAlreadyDefault(string name) => $"Цикл {Bold(name)} уже основной.";

    public override string CycleDefaultSet(string name) => $"✅ Основной цикл — {Bold(name)}: новые сделки открываются в нём.";

    // The funnel
    public override string FunnelHeader(string cycle, bool isDefault, int openDeals, string total, string weighted) =>
        $"🔻 <b>Воронка «{Escape(cycle)}»</b>{(isDefault ? " (основная)" : "")}\n" +
        $"В работе: {Deals(openDeals)} на {Escape(total)} · прогноз {Escape(weighted)}";

    public override string FunnelLine(int position, string name, int deals, string amount, int probability, int? days, string bar) =>
        $"{position}. {Bold(name)} — {Deals(deals)}, {Escape(amount)}\n{Escape(bar)} {probability}% · {DaysLimit(days)}";

    public override string FunnelEmpty() => "В цикле пока нет этапов — добавьте первый кнопкой ниже.";

    public override string FunnelButton => "🔻 Воронка";
    public override string AddStageButton => "➕ Добавить этап";

    public override string StageCard(string cycle, string name, int position, int stages, int openDeals, int probability, int? days) =>
        $"✏️ Этап {Bold(name)} — {position} из {stages} в цикле «{Escape(cycle)}»\n" +
        $"Сейчас: {Deals(openDeals)} · вероятность {probability}% · {DaysLimit(days)}";

    public override string StageUpButton => "↑ Выше";
    public override string StageDownButton => "↓ Ниже";
    public override string StageRenameButton => "✏️ Название";
    public override string StageDaysButton => "⏱ Срок";
    public override string StageProbabilityButton => "🎯 Вероятность";
    public override string StageRemoveButton => "🗑 Убрать";
    public override string BackToFunnelButton => "‹ К воронке";

    public override string StageAlreadyAtEdge() => "Дальше двигать некуда.";

    public override string AskNewStageName() => "Как назовём новый этап? Напишите название (можно добавить «после &lt;этап&gt;», «дней 5», «вер 30»).";

    public override string AskStageName(string stage) => $"Новое название для этапа «{Escape(stage)}»?";

    public override string AskStageDays(string stage, int? current) =>
        $"Сколько дней сделка может быть на этапе «{Escape(stage)}»? Сейчас: {(current is { } d ? Plural.Ru(d, "день", "дня", "дней") : "без срока")}. Напишите число, 0 — без срока.";

    public override string AskStageProbability(string stage, int current) =>
        $"Вероятность выигрыша на этапе «{Escape(stage)}», от 0 до 100? Сейчас: {current}%.";

    public override string StageNotFound(string query, string cycle) =>
        query.Trim().Length == 0 ? $"Какой этап цикла «{Escape(cycle)}»?" : $"Этапа «{Escape(query)}» в цикле «{Escape(cycle)}» нет. Какой вы имели в виду?";

    public override string StageDuplicate(string name, string cycle) =>
        $"⚠️ Этап «{Escape(name)}» в цикле «{Escape(cycle)}» уже есть — выберите другое название.";

    public override string StageAdded(string name, int position, string cycle, int probability, int? days) =>
        $"✅ Этап {Bold(name)} добавлен в «{Escape(cycle)}» на {position}-е место · {probability}% · {DaysLimit(days)}";

    public override string StageRenamed(string before, string after) =>
        $"✅ Этап «{Escape(before)}» теперь называется {Bold(after)}. История сделок хранит прежнее название.";

    public override string StagePositionOutside(int position, int stages, string cycle) =>
        $"⚠️ В цикле «{Escape(cycle)}» {StagesWord(stages)} — позиции {position} нет. Укажите число от 1 до {stages}.";

    public override string StageMoved(string name, int from, int to) => $"✅ Этап {Bold(name)}: {from} → {to} место.";

    public override string StageDaysSet(string name, int? days) =>
        days is { } d
            ? $"✅ Этап {Bold(name)}: сделка считается зависшей через {Plural.Ru(d, "день", "дня", "дней")}."
            : $"✅ Этап {Bold(name)}: без ограничения по сроку.";

    public override string StageProbabilitySet(string name, int probability) => $"✅ Этап {Bold(name)}: вероятность {probability}%.";

    public override string StageRemoveConfirm(string stage) => $"Убрать этап «{Escape(stage)}» из воронки? История сделок его сохранит.";

    public override string AskRemoveTarget(string stage, int deals) =>
        $"На этапе «{Escape(stage)}» {Deals(deals)} в работе. Куда их перенести?";

    public override string StageRemoved(string name, int moved, string target) =>
        moved == 0
            ? $"🗑 Этап «{Escape(name)}» убран из воронки. В истории и отчётах он остаётся под своим именем."
            : $"🗑 Этап «{Escape(name)}» убран, {Deals(moved)} → {Bold(target)}. В истории и отчётах он остаётся под своим именем.";

    // Reference lists
    private static string KindTitle(CatalogKind kind) => kind switch
    {
        CatalogKind.WorkType => "Виды работы",
        CatalogKind.LostReason => "Причины проигрыша",
        CatalogKind.Segment => "Сегменты",
        _ => "Товары и услуги",
    };

    private static string KindOne(CatalogKind kind) => kind switch
    {
        CatalogKind.WorkType => "Вид работы",
        CatalogKind.LostReason => "Причина",
        CatalogKind.Segment => "Сегмент",
        _ => "Товар",
    };

    public override string CatalogTitle(CatalogKind kind, int count) => $"📚 <b>{KindTitle(kind)}</b> ({count}):";

    public override string CatalogLine(CatalogKind kind, string name, string extra) => kind switch
    {
        CatalogKind.WorkType => $"• {Bold(name)} — код <code>{Escape(extra)}</code>",
        CatalogKind.Segment => $"• #{Escape(name)}",
        CatalogKind.Product when extra.Length > 0 => $"• {Bold(name)} — {Escape(extra)}",
        _ => $"• {Escape(name)}",
    };

    public override string CatalogRetiredCount(int count) => $"В архиве: {count} (остаются в истории, для выбора скрыты).";

    public override string CatalogFooter(CatalogKind kind) => kind switch
    {
        CatalogKind.WorkType => "Добавить: /worktype add &lt;название&gt;. Код — для команды /log.",
        CatalogKind.LostReason => "Добавить: /reason add &lt;причина&gt;.",
        CatalogKind.Segment => "Добавить: /segment add &lt;сегмент&gt;. Раздать клиентов сегмента: /distribute #сегмент.",
        _ => "Добавить: /product add &lt;название&gt; [цена] [#категория]. В сделку: /deal 42 + &lt;товар&gt;.",
    };

    public override string CatalogAddButton => "➕ Добавить";
    public override string CatalogListButton => "📚 Весь список";

    public override string AskCatalogName(CatalogKind kind) => kind switch
    {
        CatalogKind.Product => "Как называется товар? Можно сразу с ценой и категорией: «Станок ЧПУ 1,5 млн #Станки».",
        _ => $"{KindOne(kind)}: напишите название.",
    };

    public override string CatalogAdded(CatalogKind kind, string name) => $"✅ Добавлено в список «{KindTitle(kind)}»: {Bold(name)}";

    public override string CatalogEdited(CatalogKind kind, string name, string? extra) =>
        $"✏️ {Bold(name)} изменён{(extra is null ? "" : $": {Escape(extra)}")}";
    public override string CatalogDuplicate(CatalogKind kind, string name) => $"⚠️ «{Escape(name)}» в списке уже есть.";

    public override string CatalogNotFound(CatalogKind kind, string query) =>
        query.Trim().Length == 0 ? "Что именно? Выберите:" : $"«{Escape(query)}» в списке «{KindTitle(kind)}» нет. Может быть, одно из этих?";

    public override string CatalogRemoveConfirm(CatalogKind kind, string name) => $"Убрать «{Escape(name)}» из списка «{KindTitle(kind)}»?";

    public override string CatalogRemoved(CatalogKind kind, string name, bool retired) =>
        retired
            ? $"🗄 «{Escape(name)}» уже встречается в работе, поэтому убрано в архив: для нового выбора скрыто, в истории осталось."
            : $"🗑 «{Escape(name)}» удалено из списка.";

    // Company settings
    public override string SettingsTitle() => "⚙️ <b>Настройки компании</b>";

    public override string SettingLabel(string key) => key switch
    {
        "Schedule:MorningPlanAt" => "Утренний план менеджерам",
        "Schedule:DailyDigestAt" => "Дневной дайджест руководителю",
        "Schedule:WeeklyDigestAt" => "Недельный дайджест",
        "Crm:ForgottenAfterDays" => "Клиент забыт через (дней)",
        "Crm:PoolOpenToManagers" => "Менеджеры видят пул и берут из него",
        _ => $"настройка {Escape(key)}",
    };

    public override string SettingLine(string label, string value, bool isDefault) =>
        $"• {Escape(label)}: {Bold(value)}{(isDefault ? " (по умолчанию)" : "")}";

    public override string SettingsFooter() =>
        "Время — местное для каждого сотрудника. Изменить: кнопкой или /settings morning 8:30, /settings digest 18:30, /settings weekly пн 9:30, /settings forgotten 10; вернуть: /settings morning default.";

    public override string SettingUnknown(string word) =>
        $"Не знаю настройку «{Escape(word)}». Есть: morning (утро), digest (дайджест), weekly (неделя), forgotten (забытые).";

    public override string SettingAsk(string label, string example) => $"{Escape(label)}: какое значение? Например, {Escape(example)}.";

    public override string SettingInvalid(string label, string input, string example) =>
        $"⚠️ «{Escape(input)}» не подходит для настройки «{Escape(label)}». Например: {Escape(example)}. Ничего не изменено.";

    public override string SettingChanged(string label, string before, string after) =>
        $"✅ {Escape(label)}: было {Escape(before)} → теперь {Bold(after)}";

    // Audit
    public override string AuditEmpty() => "Журнал изменений пока пуст.";

    public override string AuditHeader(int total, int page, int pages) => $"🧾 <b>Журнал</b>: последние {total}, стр. {page}/{pages}";

    public override string AuditLine(DateTime local, string who, string action, string subject, string before, string after)
    {
        var change = before.Length + after.Length == 0 ? "" : $"\n   {Escape(before.Length == 0 ? "—" : before)} → {Escape(after.Length == 0 ? "—" : after)}";
        return $"{Date(local)} · {Bold(who)} · <code>{Escape(action)}</code>{(subject.Length == 0 ? "" : " " + Escape(subject))}{change}";
    }

    protected override void AddProcessDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["pipelines"] = new("циклы продаж", "/pipelines", "/pipelines");
        docs["pipeline"] = new("создать, переименовать цикл, выбрать основной",
            "/pipeline add &lt;название&gt; | rename &lt;цикл&gt; &lt;новое название&gt; | default &lt;цикл&gt;", "/pipeline add Тендеры");
        docs["stages"] = new("воронка: этапы, сделки и суммы, правка кнопками", "/stages [цикл]", "/stages");
        docs["stage"] = new("добавить, переименовать, переместить, настроить, убрать этап",
            "/stage add &lt;название&gt; [после &lt;этап&gt;] [дней &lt;N&gt;] [вер &lt;P&gt;]\n" +
            "/stage rename &lt;этап&gt; &lt;новое название&gt;\n/stage move &lt;этап&gt; &lt;позиция&gt;\n" +
            "/stage set &lt;этап&gt; дней &lt;N&gt; | вер &lt;P&gt; (дней 0 — без срока)\n" +
            "/stage remove &lt;этап&gt; [в &lt;этап&gt;] — сделки этапа переносятся, история сохраняет название\n" +
            "Ключевые слова: after/после, days/дней, prob/вер, to/в/на, cycle/цикл &lt;цикл&gt; — для не основного цикла",
            "/stage add Демо после Квалификация дней 5 вер 40");
        docs["worktypes"] = new("виды работы (звонок, встреча…)", "/worktypes", "/worktypes");
        docs["worktype"] = new("добавить или убрать вид работы", "/worktype add|remove &lt;название&gt;", "/worktype add Презентация");
        docs["reasons"] = new("причины проигрыша", "/reasons", "/reasons");
        docs["reason"] = new("добавить или убрать причину проигрыша", "/reason add|remove &lt;причина&gt;", "/reason add Сорвали сроки");
        docs["segments"] = new("сегменты клиентов", "/segments", "/segments");
        docs["segment"] = new("добавить или убрать сегмент", "/segment add|remove &lt;сегмент&gt;", "/segment add розница");
        docs["products"] = new("товары и услуги", "/products", "/products");
        docs["product"] = new("добавить, изменить или убрать товар", "/product add &lt;название&gt; [цена] [#категория] | edit &lt;название&gt; [цена] [#категория, #- — без неё] | remove &lt;название&gt;", "/product edit Станок ЧПУ 1,6 млн #Оборудование");
        docs["audit"] = new("журнал изменений: кто, что, было → стало", "/audit [сколько записей]", "/audit 20");
        docs["settings"] = new("время утреннего плана и дайджестов, порог забытых клиентов",
            "/settings [morning|digest|weekly|forgotten &lt;значение&gt;|default]", "/settings morning 8:30");
    }
}
