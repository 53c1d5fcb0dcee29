using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string DefaultSalesDepartment => "Отдел продаж";

    public override string DeptListHeader(int count) => $"🏢 <b>Отделы</b>: {count}";

    public override string DeptLine(string name, bool isSales, int people, IReadOnlyList<string> stages) =>
        $"• {Bold(name)}{(isSales ? " (продажи)" : "")} — {Plural.Ru(people, "сотрудник", "сотрудника", "сотрудников")}"
        + (stages.Count == 0 ? "" : $"; этапы: {Escape(string.Join(", ", stages))}");

    public override string DeptListHint() =>
        "Отдел — кнопкой ниже. Добавить: /dept add &lt;название&gt;; сотрудника: /dept &lt;отдел&gt; + &lt;сотрудник&gt;; "
        + "этап отделу: /stage set &lt;этап&gt; owner &lt;отдел&gt;.";

    public override string DeptCard(string name, bool isSales, IReadOnlyList<string> people, IReadOnlyList<string> stages) =>
        $"🏢 <b>{Escape(name)}</b>{(isSales ? " — отдел продаж: сюда попадают менеджеры" : "")}\n"
        + (people.Count == 0 ? "Сотрудников нет." : $"Сотрудники ({people.Count}): {Escape(string.Join(", ", people))}")
        + "\n" + (stages.Count == 0 ? "Этапов не ведёт." : $"Ведёт этапы: {Escape(string.Join(", ", stages))}");

    public override string DeptAddButton => "➕ Отдел";
    public override string DeptAddMemberButton => "👤 Добавить сотрудника";
    public override string DeptRenameButton => "✏️ Переименовать";
    public override string DeptRemoveButton => "🗑 Удалить";
    public override string DeptListButton => "🏢 Все отделы";
    public override string AskDeptName() => "Как назвать новый отдел? Например: Логистика";
    public override string AskDeptNewName(string name) => $"Новое название для отдела {Bold(name)}:";
    public override string AskDeptMember(string department) => $"Кого добавить в отдел {Bold(department)}? Напишите @username или имя.";
    public override string DeptAdded(string name) => $"✅ Отдел {Bold(name)} создан. Сотрудники: /dept {Escape(name)} + &lt;сотрудник&gt;";
    public override string DeptRenamed(string from, string to) => $"✅ Отдел {Bold(from)} теперь называется {Bold(to)}.";
    public override string DeptNameTaken(string name) => $"Отдел {Bold(name)} уже есть — выберите другое название.";
    public override string DeptNotFound(string query) => $"Не нашёл отдел «{Escape(query)}». Выберите из списка:";
    public override string DeptSalesCannotBeRemoved(string name) =>
        $"⛔ {Bold(name)} — отдел продаж, его удалить нельзя (в нём все менеджеры). Переименовать можно.";

    public override string DeptRemoveAsk(string name, int people, IReadOnlyList<string> stages) =>
        $"Удалить отдел {Bold(name)}? Куда пойдёт работа:"
        + (people == 0 ? "" : $"\n• {Plural.Ru(people, "сотрудник", "сотрудника", "сотрудников")} — выберите отдел кнопкой")
        + (stages.Count == 0 ? "" : $"\n• этапы {Escape(string.Join(", ", stages))} вернутся менеджерам сделок");

    public override string DeptRemoveConfirm(string name) => $"Удалить отдел {Bold(name)}? В нём никого нет и этапов он не ведёт.";

    public override string DeptRemoved(string name, int people, string peopleTo, int stages) =>
        $"🗑 Отдел {Bold(name)} удалён."
        + (people == 0 ? "" : $" {Plural.Ru(people, "сотрудник переведён", "сотрудника переведены", "сотрудников переведены")} в {Bold(peopleTo)}.")
        + (stages == 0 ? "" : $" {Plural.Ru(stages, "этап вернулся", "этапа вернулись", "этапов вернулись")} менеджерам.");

    public override string DeptMemberAdded(string person, string department, string from) =>
        $"✅ {Bold(person)} теперь в отделе {Bold(department)} (был(а) в «{Escape(from)}»).";

    public override string DeptMemberRemoved(string person, string department, string sales) =>
        $"✅ {Bold(person)} больше не в отделе {Bold(department)} — теперь в {Bold(sales)}.";

    public override string DeptMemberAlready(string person, string department) => $"{Bold(person)} уже в отделе {Bold(department)}.";
    public override string DeptMemberNotThere(string person, string department) => $"{Bold(person)} не в отделе {Bold(department)} — менять нечего.";

    public override string DeptMemberOwnsClients(string person, int clients) =>
        $"⛔ У {Bold(person)} {Plural.Ru(clients, "клиент", "клиента", "клиентов")}: вне отдела продаж их не будет видно. "
        + "Сначала передайте клиентов (/assign или /deactivate … to …), потом переводите.";

    public override string DeptMemberHowTo(string department) =>
        $"Добавить: /dept {Escape(department)} + &lt;сотрудник&gt;; убрать (вернуть в продажи): /dept {Escape(department)} - &lt;сотрудник&gt;.";

    public override string UserDepartment(string department) => $" · 🏢 отдел: {Escape(department)}";

    public override string InviteStaffButton => "🏢 Сотрудник отдела";
    public override string InviteAskDepartment() => "В какой отдел приглашаем сотрудника?";

    public override string InviteStaffCreated(string department, string link, DateTime expiresLocal) =>
        $"🎟 Приглашение в отдел {Bold(department)}\n{Escape(link)}\n\nОдноразовое, действует до {Date(expiresLocal)}. "
        + "Сотрудник увидит только сделки на этапах своего отдела.";

    public override string StageOwnerSet(string stage, string owner) =>
        $"✅ Этап {Bold(stage)}: ответственный — {Bold(owner)}. Они видят сделки на этом этапе и получают по ним задачи.";

    public override string StageOwnerCleared(string stage) => $"✅ Этап {Bold(stage)} снова ведут менеджеры сделок.";

    public override string StageOwnerNotFound(string query) =>
        $"Не нашёл отдел или сотрудника «{Escape(query)}». Выберите, кто ведёт этап:";

    public override string StageOwnerLine(string owner) => $"👤 ответственный: {Escape(owner)}";
    public override string StageOwnerButton => "👤 Кто ведёт";
    public override string StageOwnerNoneButton => "🙅 Менеджеры сделок";
    public override string AskStageOwner(string stage) => $"Кто ведёт этап {Bold(stage)}? Отдел — кнопкой, сотрудника — @username или именем.";

    protected override void AddDepartmentsDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["dept"] = new("отделы: список, добавить, переименовать, удалить, сотрудники",
            "/dept — список\n/dept add &lt;название&gt;\n/dept rename &lt;отдел&gt; &lt;новое название&gt;\n/dept remove &lt;отдел&gt;\n"
            + "/dept &lt;отдел&gt; + &lt;сотрудник&gt; | - &lt;сотрудник&gt; (минус возвращает в отдел продаж)",
            "/dept Логистика + @petrov");
        docs["invite"] = docs["invite"] with
        {
            Usage = docs["invite"].Usage + "\n/invite staff &lt;отдел&gt; — сотрудник другого отдела (видит только сделки на этапах отдела)",
        };
        docs["stage"] = docs["stage"] with
        {
            Usage = docs["stage"].Usage + "\n/stage set &lt;этап&gt; owner &lt;отдел|@сотрудник&gt; | owner none — кто ведёт этап",
        };
    }
}
