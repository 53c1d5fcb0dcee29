using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ChatCrm.Bot.Data;

/// <summary>
/// <c>move-data --to "&lt;postgres connection&gt;"</c>: copies the configured SQLite database into an empty PostgreSQL
/// one. The target is migrated first, refused when any of its tables has a row, filled table by table (principals
/// before dependents) with binary COPY inside one transaction, its identity sequences moved past the copied keys, and
/// then every table is compared: row count and a SHA-256 over its rows in key order. A failure rolls the whole copy
/// back, so the same command can simply be run again.
/// </summary>
/// <remarks>
/// Values travel through both models' own value converters (money as minor units, UTC times), so a new table or column
/// is moved without touching this class. PostgreSQL keeps times to the microsecond, SQLite to 100 ns: the checksum
/// compares times to the microsecond, which is what the target can hold.
/// </remarks>
public sealed class MoveData(ChatCrmDbContext source, PostgresChatCrmDbContext target, TextWriter output)
{
    public const string Verb = "move-data";

    /// <summary>The command line's entry: the source is the configured database, which must be SQLite.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string[] args, TextWriter output, CancellationToken ct)
    {
        var to = ArgumentAfter(args, "--to");
        if (string.IsNullOrWhiteSpace(to))
        {
            await output.WriteLineAsync("Usage: move-data --to \"Host=…;Database=…;Username=…;Password=…\" (the source is the configured SQLite database)");
            return 2;
        }

        if (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() is { IsPostgres: true })
        {
            await output.WriteLineAsync("The configured database is PostgreSQL already: move-data copies the SQLite database to PostgreSQL.");
            return 2;
        }

        var sqlite = configuration.GetConnectionString("ChatCrm") ?? DatabaseSetup.DefaultSqlite;
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite).DataSource;
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No SQLite database at {Path.GetFullPath(file)}: nothing to move.");
            return 2;
        }

        await using var from = new ChatCrmDbContext(new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite(sqlite).Options);
        await using var into = new PostgresChatCrmDbContext(new DbContextOptionsBuilder<PostgresChatCrmDbContext>().UseNpgsql(to).Options);
        return await new MoveData(from, into, output).MoveAsync(ct) ? 0 : 1;
    }

    /// <summary>True when every table arrived whole; false (with the reason written) when the target was refused or differs.</summary>
    public async Task<bool> MoveAsync(CancellationToken ct)
    {
        // The source is brought to this version's schema, as the bot itself would at start.
        await source.Database.MigrateAsync(ct);
        await target.Database.MigrateAsync(ct);
        var tables = Tables();

        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await target.Database.OpenConnectionAsync(ct);
        if (await NonEmptyAsync(connection, tables, ct) is { } busy)
        {
            await output.WriteLineAsync($"Refused: the target database is not empty (table {busy} has rows). Point --to at a new, empty database.");
            return false;
        }

        await source.Database.OpenConnectionAsync(ct);
        var reader = source.Database.GetDbConnection();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            foreach (var table in tables)
            {
                var rows = await CopyAsync(reader, connection, table, ct);
                await output.WriteLineAsync($"  {table.Name}: {rows} rows copied");
            }

            foreach (var table in tables.Where(t => t.Identity))
            {
                await using var reset = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{table.KeyColumn}'), COALESCE((SELECT MAX(\"{table.KeyColumn}\") FROM \"{table.Name}\"), 0) + 1, false)",
                    connection, tx);
                await reset.ExecuteScalarAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        var differing = 0;
        await output.WriteLineAsync("Verifying (rows and SHA-256 per table):");
        foreach (var table in tables)
        {
            var (sourceRows, sourceSum) = await ChecksumAsync(reader, table, table.SourceColumns, ct);
            var (targetRows, targetSum) = await ChecksumAsync(connection, table, table.TargetColumns, ct);
            var same = sourceRows == targetRows && sourceSum == targetSum;
            differing += same ? 0 : 1;
            await output.WriteLineAsync($"  {(same ? "ok " : "DIFFERS")} {table.Name}: {sourceRows} → {targetRows} rows, {sourceSum[..16]}{(same ? "" : " ≠ " + targetSum[..16])}");
        }

        await output.WriteLineAsync(differing == 0
            ? $"Done: {tables.Count} tables moved and verified. Set Database__Provider=Postgres and ConnectionStrings__ChatCrm to the target to run on it."
            : $"{differing} table(s) differ: do not switch over; report this output.");
        return differing == 0;
    }

    private static string? ArgumentAfter(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The model's tables, each after the tables its foreign keys point to.</summary>
    private List<Table> Tables()
    {
        var types = source.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType type, HashSet<IEntityType> path)
        {
            if (placed.Contains(type) || !path.Add(type))
            {
                return;
            }

            foreach (var principal in type.GetForeignKeys().Select(f => f.PrincipalEntityType).Where(p => p != type))
            {
                Place(principal, path);
            }

            placed.Add(type);
            ordered.Add(type);
        }

        foreach (var type in types.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            Place(type, []);
        }

        return [.. ordered.Select(t => new Table(t, target.Model.FindEntityType(t.Name)
            ?? throw new InvalidOperationException($"{t.DisplayName()} is not in the PostgreSQL model.")))];
    }

    private static async Task<string?> NonEmptyAsync(NpgsqlConnection connection, IEnumerable<Table> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table.Name}\")", connection);
            if ((bool)(await any.ExecuteScalarAsync(ct))!)
            {
                return table.Name;
            }
        }

        return null;
    }

    private static async Task<long> CopyAsync(DbConnection from, NpgsqlConnection into, Table table, CancellationToken ct)
    {
        await using var select = from.CreateCommand();
        select.CommandText = table.SelectSql();
        await using var rows = await select.ExecuteReaderAsync(ct);
        await using var copy = await into.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.TargetColumns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        long count = 0;
        while (await rows.ReadAsync(ct))
        {
            await copy.StartRowAsync(ct);
            for (var i = 0; i < table.SourceColumns.Count; i++)
            {
                var value = table.TargetColumns[i].ToProvider(table.SourceColumns[i].ModelValue(rows, i));
                if (value is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(value, table.TargetColumns[i].DataTypeName, ct);
                }
            }

            count++;
        }

        await copy.CompleteAsync(ct);
        return count;
    }

    /// <summary>Rows and a SHA-256 over every row's values, in key order, as the target's provider would store them.</summary>
    private static async Task<(long Rows, string Sum)> ChecksumAsync(DbConnection connection, Table table, IReadOnlyList<Column> columns, CancellationToken ct)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = table.SelectSql();
        await using var rows = await select.ExecuteReaderAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long count = 0;
        var line = new StringBuilder();
        while (await rows.ReadAsync(ct))
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var stored = table.TargetColumns[i].ToProvider(columns[i].ModelValue(rows, i));
                line.Append(Canonical(stored)).Append('\u001f');
            }

            hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\u001e').ToString()));
            count++;
        }

        return (count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Canonical(object? value) => value switch
    {
        null => "∅",
        DateTime t => (t.Ticks / 10).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => (t.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed class Table
    {
        public Table(IEntityType sourceType, IEntityType targetType)
        {
            Name = sourceType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(Name, sourceType.GetSchema());
            var key = sourceType.FindPrimaryKey()!.Properties;
            KeyColumns = [.. key.Select(p => p.GetColumnName(store)!)];
            KeyColumn = KeyColumns[0];
            Identity = key is [{ ClrType: var keyType } only] && (keyType == typeof(long) || keyType == typeof(int))
                && only.ValueGenerated == ValueGenerated.OnAdd;

            // Both models have the same properties, except the target's row versions (xmin), which are PostgreSQL's own.
            var properties = sourceType.GetProperties().ToList();
            SourceColumns = [.. properties.Select(p => new Column(p.GetColumnName(store)!, (RelationalTypeMapping)p.GetTypeMapping()))];
            var targetStore = StoreObjectIdentifier.Table(targetType.GetTableName()!, targetType.GetSchema());
            TargetColumns =
            [
                .. properties.Select(p => targetType.FindProperty(p.Name)
                    ?? throw new InvalidOperationException($"{targetType.DisplayName()}.{p.Name} is not in the PostgreSQL model."))
                    .Select(p => new Column(p.GetColumnName(targetStore)!, (RelationalTypeMapping)p.GetTypeMapping())),
            ];
        }

        public string Name { get; }
        public string KeyColumn { get; }
        public IReadOnlyList<string> KeyColumns { get; }
        public bool Identity { get; }
        public IReadOnlyList<Column> SourceColumns { get; }
        public IReadOnlyList<Column> TargetColumns { get; }

        /// <summary>Every column in key order; the same text reads both sides (both quote identifiers with ").</summary>
        public string SelectSql() =>
            $"SELECT {string.Join(", ", SourceColumns.Select(c => $"\"{c.Name}\""))} FROM \"{Name}\" "
            + $"ORDER BY {string.Join(", ", KeyColumns.Select(k => $"\"{k}\""))}";
    }

    /// <summary>One column on one side: how its stored value reads back into the model's value and goes out again.</summary>
    private sealed class Column(string name, RelationalTypeMapping mapping)
    {
        public string Name { get; } = name;

        /// <summary>The PostgreSQL type name for COPY, without facets: «character varying(100)» → «character varying».</summary>
        public string DataTypeName { get; } = mapping.StoreType.Split('(')[0].Trim();

        private readonly Type _providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;

        public object? ModelValue(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            var type = Nullable.GetUnderlyingType(_providerType) ?? _providerType;
            object stored = type.IsEnum ? Enum.ToObject(type, reader.GetInt64(ordinal))
                : type == typeof(long) ? reader.GetInt64(ordinal)
                : type == typeof(int) ? reader.GetInt32(ordinal)
                : type == typeof(short) ? reader.GetInt16(ordinal)
                : type == typeof(byte) ? reader.GetByte(ordinal)
                : type == typeof(bool) ? reader.GetBoolean(ordinal)
                : type == typeof(double) ? reader.GetDouble(ordinal)
                : type == typeof(float) ? reader.GetFloat(ordinal)
                : type == typeof(decimal) ? reader.GetDecimal(ordinal)
                : type == typeof(string) ? reader.GetString(ordinal)
                : type == typeof(DateTime) ? reader.GetDateTime(ordinal)
                : type == typeof(Guid) ? reader.GetGuid(ordinal)
                : type == typeof(byte[]) ? reader.GetFieldValue<byte[]>(ordinal)
                : type == typeof(DateTimeOffset) ? reader.GetFieldValue<DateTimeOffset>(ordinal)
                : type == typeof(DateOnly) ? reader.GetFieldValue<DateOnly>(ordinal)
                : type == typeof(TimeOnly) ? reader.GetFieldValue<TimeOnly>(ordinal)
                : type == typeof(TimeSpan) ? reader.GetFieldValue<TimeSpan>(ordinal)
                : throw new NotSupportedException($"Column {Name}: a stored {type.Name} is not moved yet.");
            return mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
        }

        public object? ToProvider(object? modelValue) =>
            modelValue is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(modelValue) : modelValue;
    }
}
