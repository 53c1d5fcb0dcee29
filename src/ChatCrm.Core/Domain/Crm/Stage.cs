namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// A step of a <see cref="SalesCycle"/>. A removed stage is retired, never deleted, so history and reports keep it.
/// Positions are kept dense (1..n over live stages) by <see cref="StageOrder"/>.
/// </summary>
public sealed class Stage
{
    public const int MaxNameLength = 100;

    /// <summary>Ten years: anything longer is a typo, not a sales process.</summary>
    public const int MaxDays = 3650;

    private Stage()
    {
        Name = "";
    }

    public long Id { get; private set; }
    public long CycleId { get; private set; }
    public string Name { get; private set; }

    /// <summary>1-based order within the cycle.</summary>
    public int Position { get; private set; }

    /// <summary>Chance to win, percent 0..100: weights the forecast.</summary>
    public int Probability { get; private set; }

    /// <summary>After this many days in the stage a deal is stuck; null = never.</summary>
    public int? DaysAllowed { get; private set; }

    /// <summary>Overrides the company's forgotten-client threshold for clients whose open deal is here.</summary>
    public int? ForgottenAfterDays { get; private set; }
    public bool IsRetired { get; private set; }

    /// <summary>
    /// Who is responsible for deals at this stage when it is not the deal's manager: a department (lawyers own
    /// «Договор») or one person. Both null: the deal's manager, as before. At most one of the two is set.
    /// </summary>
    public long? OwnerDepartmentId { get; private set; }
    public long? OwnerUserId { get; private set; }

    public static Stage Create(long cycleId, string name, int position, int probability,
        int? daysAllowed = null, int? forgottenAfterDays = null)
    {
        var stage = new Stage { CycleId = cycleId, Name = Text.Name(name, MaxNameLength) };
        stage.MoveTo(position);
        stage.SetProbability(probability);
        stage.SetDaysAllowed(daysAllowed);
        stage.SetForgottenAfterDays(forgottenAfterDays);
        return stage;
    }

    public void Rename(string name) => Name = Text.Name(name, MaxNameLength);

    public void SetProbability(int percent) =>
        Probability = percent is >= 0 and <= 100
            ? percent
            : throw new DomainException(DomainError.InvalidProbability, percent.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void SetDaysAllowed(int? days) => DaysAllowed = CheckDays(days);

    public void SetForgottenAfterDays(int? days) => ForgottenAfterDays = CheckDays(days);

    /// <summary>Sets this stage's position only; use <see cref="StageOrder.Place"/> to keep the siblings in order.</summary>
    public void MoveTo(int position) =>
        Position = position >= 1
            ? position
            : throw new DomainException(DomainError.InvalidPosition, position.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Prefer <see cref="StageOrder.Retire"/>, which also refuses the last live stage and closes the gap.</summary>
    /// <summary>Gives the stage to a department or to a person, or (both null) back to the deals' managers.</summary>
    public void SetOwner(long? departmentId, long? userId)
    {
        if (departmentId is not null && userId is not null)
        {
            throw new ArgumentException("A stage is owned by a department or by a person, not both.");
        }

        (OwnerDepartmentId, OwnerUserId) = (departmentId, userId);
    }

    public void Retire() => IsRetired = true;

    private static int? CheckDays(int? days) =>
        days is null or (>= 1 and <= MaxDays)
            ? days
            : throw new DomainException(DomainError.InvalidDays, days.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
