namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    /// <summary>
    /// One work type against its own norm, the same in every language: «📞 Звонок 12/20», «✉️ Письмо 5/5 ✅». The
    /// default work types get their icon by code; a custom one a neutral mark.
    /// </summary>
    public string NormFigure(string code, string workType, int done, int norm) =>
        $"{WorkTypeIcon(code)} {Html.Escape(workType)} {done}/{norm}{(norm > 0 && done >= norm ? " ✅" : "")}";

    /// <summary>Figures of several work types on one line, compactly.</summary>
    public static string NormFigures(IEnumerable<string> figures) => string.Join(" · ", figures);

    public static string WorkTypeIcon(string code) => code switch
    {
        "call" => "📞",
        "email" => "✉️",
        "meeting" => "🤝",
        "demo" => "🖥",
        _ => "🔹",
    };

    // /team: each manager's work today and this week, type by type
    public abstract string TeamNormsToday { get; }
    public abstract string TeamNormsWeek { get; }

    // The digests: under each manager's line, each work type against its own norm
    public abstract string DigestNorms { get; }

    // /norm for a department or a person
    public abstract string NormSetFor(string workType, int count, bool weekly, string scope);
    public abstract string NormRemovedFor(string workType, bool weekly, string scope);
    public abstract string NormScopeNotFound(string query);

    /// <summary>A head of one department setting a norm for another (or the company's, null): refused, nothing changed.</summary>
    public abstract string NormNotYourDepartment(string? scope);
    public abstract string NormWasNotSet(string workType, bool weekly);
    public abstract string NormsOfDepartment(string department);
    public abstract string NormsOfPerson(string person);
    public abstract string NormsOverridesHint { get; }
}
