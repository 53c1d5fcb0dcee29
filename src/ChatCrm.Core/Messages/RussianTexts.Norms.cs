using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string TeamNormsToday => "📏 сегодня:";

    public override string TeamNormsWeek => "📅 за неделю:";

    public override string DigestNorms => "📏 по нормам:";

    public override string NormSetFor(string workType, int count, bool weekly, string scope) =>
        $"📏 Норма для {Bold(scope)}: {Bold(workType)} — {count} {(weekly ? "в неделю" : "в день")}. Она важнее общей нормы компании.";

    public override string NormRemovedFor(string workType, bool weekly, string scope) =>
        $"📏 Своя норма «{Escape(workType)}» {(weekly ? "в неделю" : "в день")} для {Bold(scope)} снята: действует норма отдела или компании.";

    public override string NormWasNotSet(string workType, bool weekly) =>
        $"📏 Нормы «{Escape(workType)}» {(weekly ? "в неделю" : "в день")} здесь и не было — ничего не изменилось.";

    public override string NormNotYourDepartment(string? scope) =>
        (scope is null ? "Общие нормы компании задаёт руководитель продаж или администратор." : $"Норму для {Bold(scope)} задаёт руководитель их отдела или администратор.")
        + " Вы задаёте нормы своего отдела и его сотрудников. Ничего не изменено.";

    public override string NormScopeNotFound(string query) => $"Не нашёл сотрудника или отдел «{Escape(query)}». Для кого норма?";

    public override string NormsOfDepartment(string department) => $"🏢 <b>Отдел {Escape(department)}</b>:";

    public override string NormsOfPerson(string person) => $"👤 {Bold(person)}, своя норма:";

    public override string NormsOverridesHint => "Норма человека важнее нормы его отдела, а та — общей нормы компании; по каждому виду работы отдельно.";

    protected override void AddNormsDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["norm"] = new("норма активности по виду работы: на компанию, отдел или человека",
            "/norm &lt;вид работы&gt; &lt;сколько&gt; day|week [@сотрудник|отдел] (0 или off — снять). Норма человека важнее нормы отдела, а та — общей. Без аргументов — все нормы",
            "/norm call 20 day · /norm письмо 5 day @ivan · /norm call 0 day Логистика");
    }
}
