using System.Data.Common;
using System.Text;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Bot.Data;

/// <summary>
/// Inserts many new rows of one entity type, hundreds to a statement, for a writer that adds thousands at a time (the
/// import's batches). EF Core sends one <c>INSERT … RETURNING</c> per row, which made a 100,000-row import spend most
/// of its time in the provider; here the ids are taken up front (one query), then each statement inserts as many rows as
/// the database's parameter limit allows. Every value goes through the model's own type mapping — the same converters
/// (UTC dates, money, enums) and parameter types as SaveChanges — so a row written here reads back exactly like one EF
/// wrote. The entities are not tracked afterwards: they are new rows, written once.
/// </summary>
/// <remarks>
/// Runs only inside the caller's transaction. On SQLite it takes the write lock first, so the ids after the table's
/// largest ever (its AUTOINCREMENT sequence) stay free until the commit; on PostgreSQL they come from the identity column's sequence, safe with other writers and other instances.
/// </remarks>
public static class BulkInsert
{
    // SQLite allows 32,766 parameters a statement, PostgreSQL 65,535; a statement this size is already past the gain.
    private const int MaxParameters = 16_000;
    private const int MaxRows = 500;
    private const int LiteralRows = 100;

    /// <summary>
    /// Inserts <paramref name="entities"/> and gives each its new id. References to principals written before (a stage
    /// change's deal) are read from the navigation, as EF's fix-up would; dependents held in the entity's collections (a
    /// client's search keys) get the new id as their foreign key, ready to be inserted next.
    /// </summary>
    public static async Task InsertAsync<T>(ChatCrmDbContext db, IReadOnlyList<T> entities, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var table = Table.For(db, typeof(T));
        foreach (var entity in entities)
        {
            table.TakePrincipalKeys(entity);
        }

        var ids = await NextIdsAsync(db, transaction, table, entities.Count, ct);
        for (var i = 0; i < entities.Count; i++)
        {
            Table.Set(table.Key, entities[i], ids[i]);
            table.GiveDependentsKey(entities[i], ids[i]);
        }

        // SQLite finds a named parameter by a linear scan of the statement's names, so binding n of them costs n²:
        // 10,000 parameters made a 500-row statement take seconds. There the values go in as the mappings' own SQL
        // literals (as EF's migrations write seed data); PostgreSQL gets parameters.
        var literals = !db.Database.IsNpgsql();
        // A statement's text stays under the large-object heap's 85 KB (a few hundred bytes a row), so each is
        // collected young instead of piling up until a full collection.
        var rowsPerStatement = literals ? LiteralRows : Math.Clamp(MaxParameters / table.Columns.Count, 1, MaxRows);
        foreach (var chunk in entities.Chunk(rowsPerStatement))
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = literals ? table.InsertSql(chunk) : table.InsertSql(chunk.Length);
            if (!literals)
            {
                var n = 0;
                foreach (var entity in chunk)
                {
                    foreach (var column in table.Columns)
                    {
                        var value = column.Property.GetGetter().GetClrValue(entity);
                        command.Parameters.Add(column.Mapping.CreateParameter(command, table.ParameterName(n++), value, column.Property.IsNullable));
                    }
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }

        // Written around the tracker, so the save's step that keeps the clients' open-deal flag in step never sees them.
        if (entities is IReadOnlyList<Deal> deals)
        {
            await OpenDealFlags.MarkOpenAsync(db, deals, ct);
        }
    }

    private static async Task<long[]> NextIdsAsync(ChatCrmDbContext db, DbTransaction transaction, Table table, int count, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var ids = new long[count];
        if (db.Database.IsNpgsql())
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{table.QuotedName.Replace("'", "''", StringComparison.Ordinal)}', "
                + $"'{table.KeyColumn}')) FROM generate_series(1, {count})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++)
            {
                ids[i] = reader.GetInt64(0);
            }

            return ids;
        }

        // A write statement, even one that writes nothing, takes the database's write lock for the rest of the
        // transaction (whatever mode it began in): no one else can take these ids before the commit.
        command.CommandText = $"UPDATE {table.QuotedName} SET \"{table.KeyColumn}\" = \"{table.KeyColumn}\" WHERE 0";
        await command.ExecuteNonQueryAsync(ct);

        // The largest id the table ever had: AUTOINCREMENT never gives a deleted row's id again, and neither does this.
        command.CommandText = $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0), "
            + $"coalesce((SELECT max(\"{table.KeyColumn}\") FROM {table.QuotedName}), 0))";
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            ids[i] = last + 1 + i;
        }

        return ids;
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    /// <summary>What the model says about one table: its columns with their mappings, its key, its relations.</summary>
    private sealed class Table
    {
        private readonly ISqlGenerationHelper _sql;
        private readonly List<IForeignKey> _principals;
        private readonly List<(INavigation Navigation, IProperty ForeignKey)> _dependents;
        private readonly string _columnList;

        private Table(ChatCrmDbContext db, IEntityType type)
        {
            _sql = db.GetService<ISqlGenerationHelper>();
            Name = type.GetTableName()!;
            QuotedName = _sql.DelimitIdentifier(Name, type.GetSchema());
            var store = StoreObjectIdentifier.Table(Name, type.GetSchema());
            Key = type.FindPrimaryKey()?.Properties is [{ ClrType: var keyType } key] && keyType == typeof(long)
                ? key
                : throw new NotSupportedException($"{type.DisplayName()}: a bulk insert needs one long key.");
            KeyColumn = Key.GetColumnName(store)!;
            // A row version (PostgreSQL's xmin) is the database's own to set.
            Columns =
            [
                .. type.GetProperties().Where(p => !p.IsConcurrencyToken || p.ValueGenerated == ValueGenerated.Never).Select(p => p.IsShadowProperty()
                    ? throw new NotSupportedException($"{type.DisplayName()}.{p.Name}: a shadow property has no value to insert.")
                    : new Column(p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetTypeMapping())),
            ];
            _columnList = string.Join(", ", Columns.Select(c => _sql.DelimitIdentifier(c.Name)));
            _principals = [.. type.GetForeignKeys().Where(f => f.DependentToPrincipal is not null && f.Properties.Count == 1)];
            _dependents =
            [
                .. type.GetNavigations().Where(n => n.IsCollection && n.ForeignKey.PrincipalEntityType == type && n.ForeignKey.Properties.Count == 1)
                    .Select(n => (n, n.ForeignKey.Properties[0])),
            ];
        }

        public string Name { get; }
        public string QuotedName { get; }
        public IProperty Key { get; }
        public string KeyColumn { get; }
        public IReadOnlyList<Column> Columns { get; }

        public static Table For(ChatCrmDbContext db, Type clrType) =>
            new(db, db.Model.FindEntityType(clrType) ?? throw new NotSupportedException($"{clrType.Name} is not in the model."));

        public string ParameterName(int n) => _sql.GenerateParameterName("p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public string InsertSql(int rows)
        {
            var sql = new StringBuilder("INSERT INTO ").Append(QuotedName).Append(" (").Append(_columnList).Append(") VALUES ");
            var n = 0;
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Count; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append(_sql.GenerateParameterNamePlaceholder("p" + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                sql.Append(')');
            }

            return sql.ToString();
        }

        /// <summary>The statement with the rows' values written in as SQL literals by each column's mapping.</summary>
        public string InsertSql<T>(IReadOnlyList<T> rows)
            where T : class
        {
            var sql = new StringBuilder("INSERT INTO ").Append(QuotedName).Append(" (").Append(_columnList).Append(") VALUES ");
            for (var r = 0; r < rows.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Count; c++)
                {
                    var value = Columns[c].Property.GetGetter().GetClrValue(rows[r]);
                    sql.Append(c == 0 ? "" : ", ").Append(Columns[c].Mapping.GenerateSqlLiteral(value));
                }

                sql.Append(')');
            }

            return sql.ToString();
        }

        /// <summary>A reference set through a navigation (a stage change's <c>Deal</c>) gives its key to the foreign key, as EF's fix-up would.</summary>
        public void TakePrincipalKeys(object entity)
        {
            foreach (var foreignKey in _principals)
            {
                if (foreignKey.DependentToPrincipal!.GetGetter().GetClrValue(entity) is { } principal
                    && foreignKey.PrincipalKey.Properties[0].GetGetter().GetClrValue(principal) is long id and not 0)
                {
                    Set(foreignKey.Properties[0], entity, id);
                }
            }
        }

        /// <summary>Dependents in the entity's collections (a client's search keys) get its new id.</summary>
        public void GiveDependentsKey(object entity, long id)
        {
            foreach (var (navigation, foreignKey) in _dependents)
            {
                if (navigation.GetGetter().GetClrValue(entity) is System.Collections.IEnumerable items)
                {
                    foreach (var item in items)
                    {
                        Set(foreignKey, item, id);
                    }
                }
            }
        }

        /// <summary>Sets a property the domain keeps private (ids and foreign keys), the way EF materialises it: through its backing field.</summary>
        public static void Set(IProperty property, object entity, object value)
        {
            if (property.FieldInfo is { } field)
            {
                field.SetValue(entity, value);
            }
            else if (property.PropertyInfo?.GetSetMethod(nonPublic: true) is { } setter)
            {
                setter.Invoke(entity, [value]);
            }
            else
            {
                throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} cannot be set.");
            }
        }
    }
}
