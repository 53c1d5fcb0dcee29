using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string TeamNormsToday => "📏 today:";

    public override string TeamNormsWeek => "📅 this week:";

    public override string DigestNorms => "📏 against the norms:";

    public override string NormSetFor(string workType, int count, bool weekly, string scope) =>
        $"📏 Norm for {Bold(scope)}: {Bold(workType)} — {count} a {(weekly ? "week" : "day")}. It overrides the company's norm.";

    public override string NormRemovedFor(string workType, bool weekly, string scope) =>
        $"📏 The own {(weekly ? "weekly" : "daily")} norm for “{Escape(workType)}” of {Bold(scope)} is removed: the department's or the company's norm applies.";

    public override string NormWasNotSet(string workType, bool weekly) =>
        $"📏 There was no {(weekly ? "weekly" : "daily")} norm for “{Escape(workType)}” here — nothing changed.";

    public override string NormNotYourDepartment(string? scope) =>
        (scope is null ? "The company's norms are set by a head of sales or an admin." : $"A norm for {Bold(scope)} is set by the head of their department or an admin.")
        + " You set the norms of your own department and its people. Nothing was changed.";

    public override string NormScopeNotFound(string query) => $"No colleague or department “{Escape(query)}”. Whose norm is it?";

    public override string NormsOfDepartment(string department) => $"🏢 <b>Department {Escape(department)}</b>:";

    public override string NormsOfPerson(string person) => $"👤 {Bold(person)}, own norm:";

    public override string NormsOverridesHint => "A person's norm overrides their department's, which overrides the company's, for each work type separately.";

    protected override void AddNormsDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["norm"] = new("an activity norm per work type: for the company, a department or a person",
            "/norm &lt;work type&gt; &lt;count&gt; day|week [@person|department] (0 or off removes it). A person's norm overrides the department's, which overrides the company's. Without arguments: all norms",
            "/norm call 20 day · /norm email 5 day @ivan · /norm call 0 day Logistics");
    }
}
