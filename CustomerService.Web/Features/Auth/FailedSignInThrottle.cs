using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CustomerService.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Auth;

/// <summary>
/// Counts failed sign-ins per client address over a sliding window (<see cref="AuthOptions.FailedSignInsPerIp"/> per
/// <see cref="AuthOptions.FailedSignInWindowSeconds"/>), so one address cannot guess passwords or lock accounts in bulk.
/// The per-account lockout stays as Identity does it. Only failures are recorded: a full office behind one NAT address
/// signing in at the start of a shift is never refused. In memory per node, which is enough to slow a guesser down.
/// </summary>
public sealed class FailedSignInThrottle(TimeProvider clock, IOptions<AuthOptions> options)
{
    /// <summary>Past this many tracked addresses, recording a failure also forgets the addresses whose failures expired.</summary>
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.FailedSignInWindowSeconds);

    /// <summary>How long the address must wait before it may try again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(IPAddress? address)
    {
        if (!_failures.TryGetValue(KeyOf(address), out var failures))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (failures)
        {
            Expire(failures, now);
            // The oldest failure inside the window is the one that has to expire before another attempt is allowed.
            return failures.Count < options.Value.FailedSignInsPerIp
                ? null
                : failures.ElementAt(failures.Count - options.Value.FailedSignInsPerIp) + Window - now;
        }
    }

    public void RecordFailure(IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var key = KeyOf(address);
        while (true)
        {
            var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (failures)
            {
                // A sweep may have dropped this (then empty) queue since GetOrAdd; count in the one that is listed.
                if (_failures.TryGetValue(key, out var listed) && ReferenceEquals(listed, failures))
                {
                    Expire(failures, now);
                    failures.Enqueue(now);
                    break;
                }
            }
        }

        if (_failures.Count > SweepThreshold)
        {
            Sweep(now);
        }
    }

    /// <summary>
    /// IPv4 addresses as they are (an IPv4-mapped IPv6 address is the IPv4 one); IPv6 by its /64 prefix, the block one
    /// subscriber usually holds, so walking through the addresses of one's own block does not reset the count.
    /// </summary>
    internal static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now)
        {
            failures.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                Expire(failures, now);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, failures));
                }
            }
        }
    }
}
