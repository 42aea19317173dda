namespace CustomerService.Domain.Reporting;

/// <summary>
/// A set of user-key ids (<see cref="ReportUserKey"/>) for the distinct figures' unions. Rolled ids are small dense
/// integers and a year's union adds about a million of them, so a large set keeps one bit per id — a bit test instead
/// of a hash-set insert. A small set (a day's, a bucket's) stays a hash set: a bitmap as long as the largest id would
/// cost more than its few ids. Negative ids (keys a report met that no roll has numbered yet) are few and kept apart.
/// </summary>
public sealed class IdSet
{
    /// <summary>Ids a set holds before it turns into a bitmap.</summary>
    public const int SmallLimit = 4096;

    private HashSet<int>? _small = [];
    private ulong[] _words = [];
    private HashSet<int>? _negative;

    public long Count { get; private set; }

    public void Add(int id)
    {
        if (_small is not null)
        {
            if (_small.Add(id))
            {
                Count++;
                if (_small.Count > SmallLimit)
                {
                    ToBitmap();
                }
            }

            return;
        }

        if (id < 0)
        {
            _negative ??= [];
            if (_negative.Add(id))
            {
                Count++;
            }

            return;
        }

        var index = id >> 6;
        if (index >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(index + 1, _words.Length * 2));
        }

        var bit = 1UL << (id & 63);
        if ((_words[index] & bit) == 0)
        {
            _words[index] |= bit;
            Count++;
        }
    }

    public void UnionWith(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        for (var i = 0; i < ids.Count; i++)
        {
            Add(ids[i]);
        }
    }

    public bool Contains(int id)
    {
        if (_small is not null)
        {
            return _small.Contains(id);
        }

        return id < 0 ? _negative?.Contains(id) == true : (id >> 6) < _words.Length && (_words[id >> 6] & (1UL << (id & 63))) != 0;
    }

    private void ToBitmap()
    {
        var ids = _small!;
        _small = null;
        Count = 0;
        foreach (var id in ids)
        {
            Add(id);
        }
    }
}
