namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // Departments: /dept, /invite staff, /stage set … owner.

    /// <summary>The name the sales department gets in a fresh (or upgraded) database, in the company's language.</summary>
    public abstract string DefaultSalesDepartment { get; }

    public abstract string DeptListHeader(int count);

    /// <summary>One department in /dept: its people and the stages it owns.</summary>
    public abstract string DeptLine(string name, bool isSales, int people, IReadOnlyList<string> stages);

    public abstract string DeptListHint();

    /// <summary>/dept &lt;name&gt;: who is in it and which stages it owns.</summary>
    public abstract string DeptCard(string name, bool isSales, IReadOnlyList<string> people, IReadOnlyList<string> stages);

    public abstract string DeptAddButton { get; }
    public abstract string DeptAddMemberButton { get; }
    public abstract string DeptRenameButton { get; }
    public abstract string DeptRemoveButton { get; }
    public abstract string DeptListButton { get; }
    public abstract string AskDeptName();
    public abstract string AskDeptNewName(string name);
    public abstract string AskDeptMember(string department);
    public abstract string DeptAdded(string name);
    public abstract string DeptRenamed(string from, string to);
    public abstract string DeptNameTaken(string name);
    public abstract string DeptNotFound(string query);
    public abstract string DeptSalesCannotBeRemoved(string name);

    /// <summary>Removing a department with people or stages: where its work goes (the buttons say where the people go).</summary>
    public abstract string DeptRemoveAsk(string name, int people, IReadOnlyList<string> stages);

    /// <summary>A button label (plain text, no HTML): the people go to this department.</summary>
    public string DeptPeopleToButton(string department) => $"👥 → {department}";

    public abstract string DeptRemoveConfirm(string name);

    /// <summary>Done: the department is gone, <paramref name="people"/> moved to <paramref name="peopleTo"/>, its stages back with the managers.</summary>
    public abstract string DeptRemoved(string name, int people, string peopleTo, int stages);

    public abstract string DeptMemberAdded(string person, string department, string from);
    public abstract string DeptMemberRemoved(string person, string department, string sales);
    public abstract string DeptMemberAlready(string person, string department);
    public abstract string DeptMemberNotThere(string person, string department);

    /// <summary>A manager who still owns clients cannot leave sales: outside it they would no longer see them.</summary>
    public abstract string DeptMemberOwnsClients(string person, int clients);

    /// <summary>How to write a membership change when the words did not read as one.</summary>
    public abstract string DeptMemberHowTo(string department);

    /// <summary>After a name in /users: the person's department when it is not sales.</summary>
    public abstract string UserDepartment(string department);

    public abstract string InviteStaffButton { get; }
    public abstract string InviteAskDepartment();
    public abstract string InviteStaffCreated(string department, string link, DateTime expiresLocal);

    public abstract string StageOwnerSet(string stage, string owner);
    public abstract string StageOwnerCleared(string stage);
    public abstract string StageOwnerNotFound(string query);

    /// <summary>Under a stage in /stages and on its card: who owns it.</summary>
    public abstract string StageOwnerLine(string owner);

    public abstract string StageOwnerButton { get; }
    public abstract string StageOwnerNoneButton { get; }
    public abstract string AskStageOwner(string stage);
}
