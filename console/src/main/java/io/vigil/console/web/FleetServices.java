package io.vigil.console.web;

import io.vigil.console.domain.Schools;
import io.vigil.console.fleet.DeviceLifecycle;
import io.vigil.console.fleet.FleetRepository;
import io.vigil.console.fleet.TokenAdmin;
import java.time.Clock;

/** What the IT provider's device and token pages use. */
public record FleetServices(TokenAdmin tokens, DeviceLifecycle lifecycle, FleetRepository fleet, Schools schools,
                            Clock clock) {
}
