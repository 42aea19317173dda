using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// One prepared <c>INSERT</c> for an entity type, built from the EF model (table, columns, value converters, type
/// mappings), so a row written here is byte for byte what <c>SaveChanges</c> would have written — without the change
/// tracker, which is far too slow for millions of rows (ADR 013). Keys the database would generate are numbered by the
/// caller (<see cref="HistoryIds"/>) and written explicitly; the entity gets its id before it is written.
/// </summary>
internal sealed class BulkTableWriter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly List<(Func<T, object?> Read, DbParameter Parameter)> _columns = [];
    private readonly IProperty? _generatedKey;
    private readonly System.Reflection.PropertyInfo? _keySetter;
    private readonly Func<T, object?>? _keyGetter;
    private long _lastKey;

    public BulkTableWriter(DbContext db, DbConnection connection)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        _command = connection.CreateCommand();
        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var name = "@p" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var parameter = mapping.CreateParameter(_command, name, null, property.IsNullable);
            _command.Parameters.Add(parameter);
            names.Add(property.GetColumnName(table)!);
            var getter = property.GetGetter();
            var converter = mapping.Converter;
            _columns.Add((entity => converter is null ? getter.GetClrValue(entity) : converter.ConvertToProvider(getter.GetClrValue(entity)), parameter));
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd)
            {
                _generatedKey = property;
            }
        }

        if (_generatedKey is not null)
        {
            _keySetter = _generatedKey.PropertyInfo;
            var keyGetter = _generatedKey.GetGetter();
            _keyGetter = entity => keyGetter.GetClrValue(entity);
            using var max = connection.CreateCommand();
            max.CommandText = $"SELECT MAX(\"{_generatedKey.GetColumnName(table)}\") FROM \"{table.Name}\"";
            _lastKey = max.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }

        _command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})";
    }

    /// <summary>
    /// Takes the next number of an auto-increment key for <paramref name="entity"/> (set on the entity, as
    /// <c>SaveChanges</c> would), so rows that point at it (a conversation at its visitor) can be built before it is
    /// written. Explicit values are fine in SQLite: an <c>AUTOINCREMENT</c> counter follows the largest key written.
    /// </summary>
    public long Number(T entity)
    {
        if (_keySetter is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no generated key.");
        }

        _lastKey++;
        _keySetter.SetValue(entity, Convert.ChangeType(_lastKey, _keySetter.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        return _lastKey;
    }

    public DbTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public void Prepare() => _command.Prepare();

    public void Write(T entity)
    {
        if (_keyGetter is not null && Convert.ToInt64(_keyGetter(entity), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Number(entity);
        }

        foreach (var (read, parameter) in _columns)
        {
            parameter.Value = read(entity) ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
