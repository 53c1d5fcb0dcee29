using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Core.Spreadsheets;

/// <summary>
/// The column meanings of an import as stored with it (<c>ClientImport.Mapping</c>): a JSON array with one
/// <see cref="ImportField"/> name per column, in order — <c>["Name","Phone","Skip"]</c>.
/// </summary>
public static class ImportMapping
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter<ImportField>() } };

    public static string ToJson(IReadOnlyList<ImportField> fields) => JsonSerializer.Serialize(fields, Options);

    /// <summary>The stored mapping; an empty or unreadable one is no mapping at all (every column skipped).</summary>
    public static ImportField[] FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<ImportField[]>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The mapping with column <paramref name="column"/> changed; a second name column takes the name from the first.</summary>
    public static ImportField[] With(IReadOnlyList<ImportField> fields, int column, ImportField field)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var changed = fields.ToArray();
        if (field == ImportField.Name)
        {
            for (var i = 0; i < changed.Length; i++)
            {
                if (changed[i] == ImportField.Name)
                {
                    changed[i] = ImportField.Skip;
                }
            }
        }

        changed[column] = field;
        return changed;
    }
}
