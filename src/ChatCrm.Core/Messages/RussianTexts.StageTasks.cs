using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string TaskTakeButton => "🛠 Взять в работу";
    public override string TaskDoneButton => "✅ Готово";
    public override string TaskBackButton => "↩️ Вернуть с комментарием";
    public override string TaskResendButton => "➡️ Отправить снова";

    public override string TaskCard(long deal, string title, string client, decimal amount, string currency, string manager, string stage, string owner, string? next) =>
        $"🛠 <b>Задача для {Escape(owner)}</b>: этап «{Escape(stage)}»\n"
        + $"Сделка #{deal} «{Escape(title)}» · {Escape(client)} — {Money(amount, currency)}\n"
        + $"👤 Менеджер: {Escape(manager)}\n"
        + (next is null ? "Этап последний: после «Готово» менеджер закроет сделку." : $"Готово → сделка пойдёт на «{Escape(next)}».");

    public override string TaskTakenBy(string who) => $"🛠 В работе у {Bold(who)}";

    public override string TaskSent(long deal, string stage, string owner, int people) =>
        $"📨 Сделка #{deal} на этапе «{Escape(stage)}» — задача у {Bold(owner)}"
        + (people == 0 ? ". ⚠️ В отделе никого нет: задачу некому взять." : $" ({Plural.Ru(people, "человек", "человека", "человек")} получили её). Сообщу о каждом шаге.");

    public override string TaskArrivedForManager(long deal, string title, string stage, string owner) =>
        $"📨 Ваша сделка #{deal} «{Escape(title)}» перешла на этап «{Escape(stage)}» — задача у {Bold(owner)}.";

    public override string TaskTakenForManager(long deal, string title, string stage, string who, string owner) =>
        $"🛠 {Bold(who)} ({Escape(owner)}) взял(а) в работу сделку #{deal} «{Escape(title)}» на этапе «{Escape(stage)}».";

    public override string TaskDoneForManager(long deal, string title, string stage, string who, string? next) =>
        $"✅ {Bold(who)}: «{Escape(stage)}» по сделке #{deal} «{Escape(title)}» — готово. "
        + (next is null ? "Это последний этап — закройте сделку." : $"Сделка перешла на «{Escape(next)}».");

    public override string TaskDone(long deal, string title, string stage, string? next) =>
        $"✅ Готово: «{Escape(stage)}» по сделке #{deal} «{Escape(title)}». "
        + (next is null ? "Менеджер закроет сделку." : $"Сделка ушла на «{Escape(next)}».");

    public override string TaskAskComment(long deal, string stage, string? backTo) =>
        $"↩️ Что поправить по сделке #{deal} (этап «{Escape(stage)}»)? Напишите комментарий для менеджера одним сообщением — "
        + (backTo is null ? "сделка останется на этапе." : $"сделка вернётся на «{Escape(backTo)}».");

    public override string TaskReturnedForManager(long deal, string title, string stage, string who, string comment, string? backTo) =>
        $"↩️ {Bold(who)} вернул(а) сделку #{deal} «{Escape(title)}» с этапа «{Escape(stage)}»:\n<i>{Escape(comment)}</i>\n"
        + (backTo is null ? "Сделка осталась на этапе." : $"Сделка снова на «{Escape(backTo)}». Поправьте и отправьте снова.");

    public override string TaskReturned(long deal, string title, string? backTo) =>
        $"↩️ Сделка #{deal} «{Escape(title)}» возвращена менеджеру с комментарием"
        + (backTo is null ? "." : $"; она снова на «{Escape(backTo)}».");

    public override string TaskCancelledForTaker(long deal, string title, string stage) =>
        $"🚫 Задача снята: сделка #{deal} «{Escape(title)}» ушла с этапа «{Escape(stage)}».";

    public override string TaskCancelMoved => "сделка ушла с этапа";
    public override string TaskCancelWon => "сделка выиграна";
    public override string TaskCancelLost => "сделка проиграна";
    public override string TaskGone => "Эта задача уже закрыта.";
    public override string TaskNotYours => "Эта задача не вашего отдела.";
    public override string TaskAlreadyTaken => "Эту задачу уже взяли в работу.";

    public override string TasksMineHeader(int count) => $"🛠 <b>Ваши задачи</b>: {count}";

    public override string TaskLine(long deal, string title, string client, string stage, int days, string? takenBy) =>
        $"• #{deal} {Clip(client)}{(title == client ? "" : $" «{Clip(title)}»")} — «{Escape(stage)}», {Plural.Ru(days, "день", "дня", "дней")}"
        + (takenBy is null ? " · ждёт" : $" · в работе у {Clip(takenBy, 24)}");

    public override string TasksAllHeader(int count) => $"🛠 <b>Задачи по этапам</b>: {count}";

    public override string TasksHolderLine(string holder, int count, int waiting, int oldestDays) =>
        $"🏢 <b>{Clip(holder)}</b> — {count} (ждут {waiting}), старейшая {Plural.Ru(oldestDays, "день", "дня", "дней")}";

    public override string TasksOnMyDealsHeader(int count) => $"📨 <b>Ваши сделки у других</b>: {count}";
    public override string TasksManagersHolder => "менеджеры сделок";
    public override string TasksMore(int more) => $"… и ещё {more}";

    public override string TasksNone() =>
        "🛠 Открытых задач нет. Задача появляется, когда сделка входит в этап, который ведёт отдел или человек "
        + "(/stage set &lt;этап&gt; owner &lt;отдел&gt;).";

    public override string DigestHolders => "🛠 <b>Кто держит сделки</b>";

    public override string DigestHolderLine(string holder, int count, int oldestDays, int averageDays) =>
        $"• {Escape(holder)} — {count}, дольше всех {Plural.Ru(oldestDays, "день", "дня", "дней")}, в среднем {averageDays} дн.";

    public override string DigestRottingHeldLine(int deal, string title, string manager, decimal amount, string stage, string holder, int days, int allowed) =>
        $"🐢 #{deal} {Escape(title)} ({Escape(manager)}) — {Money(amount, "")}, застряла у {Bold(holder)} на «{Escape(stage)}», {days} дн. из {allowed}";

    public override string PlanStuckHeldBy(string holder) => $" — у {Bold(holder)}";

    public override string StageOwnerTasksMoved(int tasks, string owner) =>
        $"🛠 {Plural.Ru(tasks, "открытая задача этапа передана", "открытые задачи этапа переданы", "открытых задач этапа переданы")}: {Escape(owner)}.";

    public override string StageRemovedTasks(int closed, int opened, string target) =>
        $"🛠 Открытые задачи этапа: {closed} закрыто"
        + (opened == 0 ? "." : $"; на «{Escape(target)}» {Plural.Ru(opened, "новая задача", "новые задачи", "новых задач")}.");

    public override string DeptRemovedTasks(int tasks) =>
        $"🛠 {Plural.Ru(tasks, "открытая задача отдела передана", "открытые задачи отдела переданы", "открытых задач отдела переданы")} менеджерам сделок (/tasks).";

    public override string DeptRemoveTasksAsk(int tasks) =>
        $"• {Plural.Ru(tasks, "открытая задача перейдёт", "открытые задачи перейдут", "открытых задач перейдут")} менеджерам сделок";

    protected override void AddStageTasksDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["tasks"] = new("задачи отделов по этапам: мои, а руководителю — все",
            "/tasks — открытые задачи вашего отдела (кнопки: взять, готово, вернуть); руководителю — все, по отделам, со сроками. "
            + "Задача появляется, когда сделка входит в этап отдела (/stage set &lt;этап&gt; owner &lt;отдел&gt;)",
            "/tasks");
    }
}
