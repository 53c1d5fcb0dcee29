using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string DefaultSalesDepartment => "Sales";

    public override string DeptListHeader(int count) => $"🏢 <b>Departments</b>: {count}";

    public override string DeptLine(string name, bool isSales, int people, IReadOnlyList<string> stages) =>
        $"• {Bold(name)}{(isSales ? " (sales)" : "")} — {Plural.En(people, "person", "people")}"
        + (stages.Count == 0 ? "" : $"; stages: {Escape(string.Join(", ", stages))}");

    public override string DeptListHint() =>
        "Open a department with its button. Add one: /dept add &lt;name&gt;; a person: /dept &lt;dept&gt; + &lt;person&gt;; "
        + "a stage: /stage set &lt;stage&gt; owner &lt;dept&gt;.";

    public override string DeptCard(string name, bool isSales, IReadOnlyList<string> people, IReadOnlyList<string> stages) =>
        $"🏢 <b>{Escape(name)}</b>{(isSales ? " — the sales department: managers belong here" : "")}\n"
        + (people.Count == 0 ? "Nobody yet." : $"People ({people.Count}): {Escape(string.Join(", ", people))}")
        + "\n" + (stages.Count == 0 ? "Owns no stages." : $"Owns stages: {Escape(string.Join(", ", stages))}");

    public override string DeptAddButton => "➕ Department";
    public override string DeptAddMemberButton => "👤 Add a person";
    public override string DeptRenameButton => "✏️ Rename";
    public override string DeptRemoveButton => "🗑 Remove";
    public override string DeptListButton => "🏢 All departments";
    public override string AskDeptName() => "What is the new department called? For example: Logistics";
    public override string AskDeptNewName(string name) => $"New name for {Bold(name)}:";
    public override string AskDeptMember(string department) => $"Who joins {Bold(department)}? Write their @username or name.";
    public override string DeptAdded(string name) => $"✅ Department {Bold(name)} added. People: /dept {Escape(name)} + &lt;person&gt;";
    public override string DeptRenamed(string from, string to) => $"✅ Department {Bold(from)} is now {Bold(to)}.";
    public override string DeptNameTaken(string name) => $"There is already a department {Bold(name)} — pick another name.";
    public override string DeptNotFound(string query) => $"No department “{Escape(query)}”. Pick one:";
    public override string DeptSalesCannotBeRemoved(string name) =>
        $"⛔ {Bold(name)} is the sales department and cannot be removed (every manager is in it). You can rename it.";

    public override string DeptRemoveAsk(string name, int people, IReadOnlyList<string> stages) =>
        $"Remove {Bold(name)}? Where its work goes:"
        + (people == 0 ? "" : $"\n• {Plural.En(people, "person", "people")} — pick a department below")
        + (stages.Count == 0 ? "" : $"\n• stages {Escape(string.Join(", ", stages))} go back to the deals' managers");

    public override string DeptRemoveConfirm(string name) => $"Remove {Bold(name)}? Nobody is in it and it owns no stages.";

    public override string DeptRemoved(string name, int people, string peopleTo, int stages) =>
        $"🗑 Department {Bold(name)} removed."
        + (people == 0 ? "" : $" {Plural.En(people, "person", "people")} moved to {Bold(peopleTo)}.")
        + (stages == 0 ? "" : $" {Plural.En(stages, "stage", "stages")} back with the managers.");

    public override string DeptMemberAdded(string person, string department, string from) =>
        $"✅ {Bold(person)} is now in {Bold(department)} (was in “{Escape(from)}”).";

    public override string DeptMemberRemoved(string person, string department, string sales) =>
        $"✅ {Bold(person)} left {Bold(department)} and is back in {Bold(sales)}.";

    public override string DeptMemberAlready(string person, string department) => $"{Bold(person)} is already in {Bold(department)}.";
    public override string DeptMemberNotThere(string person, string department) => $"{Bold(person)} is not in {Bold(department)} — nothing to change.";

    public override string DeptMemberOwnsClients(string person, int clients) =>
        $"⛔ {Bold(person)} owns {Plural.En(clients, "client", "clients")}: outside sales they would no longer see them. "
        + "Hand the clients over first (/assign or /deactivate … to …), then move them.";

    public override string DeptMemberHowTo(string department) =>
        $"Add: /dept {Escape(department)} + &lt;person&gt;; take out (back to sales): /dept {Escape(department)} - &lt;person&gt;.";

    public override string UserDepartment(string department) => $" · 🏢 department: {Escape(department)}";

    public override string InviteStaffButton => "🏢 Department staff";
    public override string InviteAskDepartment() => "Which department is the new colleague joining?";

    public override string InviteStaffCreated(string department, string link, DateTime expiresLocal) =>
        $"🎟 Invite to {Bold(department)}\n{Escape(link)}\n\nSingle use, valid until {Date(expiresLocal)}. "
        + "They will see only the deals at their department's stages.";

    public override string StageOwnerSet(string stage, string owner) =>
        $"✅ Stage {Bold(stage)} is owned by {Bold(owner)}: their people see the deals at it.";

    public override string StageOwnerCleared(string stage) => $"✅ Stage {Bold(stage)} is back with the deals' managers.";

    public override string StageOwnerNotFound(string query) => $"No department or person “{Escape(query)}”. Who owns the stage?";

    public override string StageOwnerLine(string owner) => $"👤 owner: {Escape(owner)}";
    public override string StageOwnerButton => "👤 Owner";
    public override string StageOwnerNoneButton => "🙅 The deals' managers";
    public override string AskStageOwner(string stage) => $"Who owns {Bold(stage)}? A department by its button, a person by @username or name.";

    protected override void AddDepartmentsDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["dept"] = new("departments: list, add, rename, remove, people",
            "/dept — the list\n/dept add &lt;name&gt;\n/dept rename &lt;dept&gt; &lt;new name&gt;\n/dept remove &lt;dept&gt;\n"
            + "/dept &lt;dept&gt; + &lt;person&gt; | - &lt;person&gt; (minus puts them back in sales)",
            "/dept Logistics + @petrov");
        docs["invite"] = docs["invite"] with
        {
            Usage = docs["invite"].Usage + "\n/invite staff &lt;dept&gt; — a colleague of another department (sees only the deals at its stages)",
        };
        docs["stage"] = docs["stage"] with
        {
            Usage = docs["stage"].Usage + "\n/stage set &lt;stage&gt; owner &lt;dept|@person&gt; | owner none — who owns the stage",
        };
    }
}
