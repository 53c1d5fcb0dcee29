namespace ChatCrm.Core.Messages;

/// <summary>Humanizer pluralises English words only; Russian needs the one/few/many forms chosen by the number.</summary>
public static class Plural
{
    public static string Ru(long n, string one, string few, string many)
    {
        var mod100 = Math.Abs(n) % 100;
        var mod10 = mod100 % 10;
        var form = mod100 is >= 11 and <= 14 ? many
            : mod10 == 1 ? one
            : mod10 is >= 2 and <= 4 ? few
            : many;
        return $"{n} {form}";
    }

    public static string En(long n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
