using System.Buffers.Binary;
using System.Text;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>
/// An ip2region (v1 “.db”) file held in memory: an 8-byte header with the first and last index block offsets, then
/// index blocks of 12 bytes (start IPv4, end IPv4, data pointer: length in the top byte, offset in the lower three),
/// sorted by address, so a lookup is a binary search. A data record is a 4-byte city id followed by the UTF-8 text
/// “国家|区域|省份|城市|ISP” with “0” for an unknown part. Format as read by the npm package ip2region 2.3.0.
/// </summary>
public sealed class Ip2RegionDatabase
{
    private const int HeaderLength = 8;
    private const int IndexBlockLength = 12;
    private const string ResourceName = "CustomerService.Web.Features.Visitors.Geo.ip2region.db";

    // The shipped file is immutable, so every host in the process (tests start many) shares one copy of its 8 MB.
    private static readonly Lazy<Ip2RegionDatabase> LazyShipped = new(LoadShipped);

    private readonly byte[] _data;
    private readonly int _firstIndex;
    private readonly int _blockCount;

    public Ip2RegionDatabase(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < HeaderLength)
        {
            throw new InvalidDataException("The ip2region database is shorter than its header.");
        }

        var first = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var last = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
        if (first < HeaderLength || last < first || last + IndexBlockLength > (uint)data.Length
            || (last - first) % IndexBlockLength != 0)
        {
            throw new InvalidDataException("The ip2region database header does not describe its index.");
        }

        _data = data;
        _firstIndex = (int)first;
        _blockCount = (int)((last - first) / IndexBlockLength) + 1;
    }

    /// <summary>The database shipped inside the app (embedded resource), read once per process.</summary>
    public static Ip2RegionDatabase Shipped => LazyShipped.Value;

    /// <summary>The record covering <paramref name="address"/> (an IPv4 address as a big-endian number), or null.</summary>
    public Ip2RegionRecord? Find(uint address)
    {
        var low = 0;
        var high = _blockCount - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var block = _data.AsSpan(_firstIndex + (middle * IndexBlockLength), IndexBlockLength);
            if (address < BinaryPrimitives.ReadUInt32LittleEndian(block))
            {
                high = middle - 1;
            }
            else if (address > BinaryPrimitives.ReadUInt32LittleEndian(block[4..]))
            {
                low = middle + 1;
            }
            else
            {
                return ReadRecord(BinaryPrimitives.ReadUInt32LittleEndian(block[8..]));
            }
        }

        return null;
    }

    private Ip2RegionRecord? ReadRecord(uint pointer)
    {
        var length = (int)(pointer >> 24);
        var offset = (int)(pointer & 0x00FF_FFFF);
        if (offset == 0 || length <= 4 || offset + length > _data.Length)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(_data, offset + 4, length - 4);
        var parts = text.Split('|');
        return parts.Length < 4 ? null : new Ip2RegionRecord(Part(parts, 0), Part(parts, 2), Part(parts, 3));

        static string? Part(string[] parts, int index) => parts[index] is "0" or "" ? null : parts[index];
    }

    private static Ip2RegionDatabase LoadShipped()
    {
        using var stream = typeof(Ip2RegionDatabase).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return new Ip2RegionDatabase(data);
    }
}

/// <summary>One ip2region record: country, province and city, each null when the database does not know it.</summary>
public sealed record Ip2RegionRecord(string? Country, string? Province, string? City);
