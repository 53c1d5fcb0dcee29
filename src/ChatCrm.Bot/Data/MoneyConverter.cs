using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatCrm.Bot.Data;

/// <summary>
/// Money is stored as whole kopecks/cents in a 64-bit integer: SQLite keeps decimal as text and can
/// neither compare nor SUM it, and digests must aggregate in SQL. Amounts carry at most two decimals.
/// </summary>
internal sealed class MoneyConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);
