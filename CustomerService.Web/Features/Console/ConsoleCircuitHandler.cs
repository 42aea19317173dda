using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// Tells the circuit's <see cref="ConsoleSession"/> when its connection drops and comes back, so the engine's presence
/// follows the browser rather than the circuit (which the server keeps for minutes after a tab is gone). The session
/// itself says goodbye when the circuit ends (scoped disposal).
/// </summary>
internal sealed class ConsoleCircuitHandler(ConsoleSession session) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => session.ConnectionDownAsync();

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => session.ConnectionUpAsync();
}
