using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CustomerService.Benchmarks;

/// <summary>
/// Times SQL statements (a file of them, separated by ';' at a line end) on a database, read-only, through
/// Microsoft.Data.Sqlite: its SQLite reads the keyword index (FTS5 with contentless_delete), which the older sqlite3
/// shell of this machine cannot open. Prints each statement's time and its first rows.
/// </summary>
internal static class SqlStatementTimer
{
    public static void Run(string file, string sqlFile)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        connection.Open();
        foreach (var statement in File.ReadAllText(sqlFile).Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            var watch = Stopwatch.StartNew();
            using var reader = command.ExecuteReader();
            var rows = 0;
            var shown = new List<string>();
            while (reader.Read())
            {
                rows++;
                if (rows <= 8)
                {
                    shown.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
                }
            }

            Console.WriteLine($"-- {watch.ElapsedMilliseconds} ms, {rows} rows: {statement.ReplaceLineEndings(" ")[..Math.Min(140, statement.Length)]}");
            shown.ForEach(s => Console.WriteLine("   " + s));
        }
    }
}
