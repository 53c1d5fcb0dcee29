using PhoneNumbers;

namespace ChatCrm.Core.Matching;

/// <summary>Phone numbers as one canonical E.164 string, so «8 900 123-45-67» and «+7 (900) 123-45-67» are the same client.</summary>
public static class Phones
{
    private const int MaxInputLength = 64;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// E.164 (`+79001234567`) or null when the text is not a valid number. Numbers without a country code are read
    /// in <paramref name="defaultRegion"/> (ISO 3166 code), where a leading 8 is Russia's trunk prefix.
    /// </summary>
    public static string? Normalise(string? input, string defaultRegion = "RU")
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(input.Trim(), defaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            // Not a phone number at all ("завтра", "abc"): the same answer as an invalid one.
            return null;
        }
    }

    /// <summary>An E.164 number the way people read it: `+7 900 123-45-67`; anything unparsable is returned as is.</summary>
    public static string Display(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        try
        {
            return Util.Format(Util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
