package io.vigil.console.lists;

import java.time.Instant;
import java.util.List;

/** A change as the publisher stores it; {@code status} is {@code pending}, or {@code live} for an emergency. */
public record NewListChange(Long schoolId, String action, byte[] layer, String layerVersion, String baseVersion,
                            ListDiff diff, RetroTest retroTest, String reason, String requestedBy, Instant at,
                            String status, Instant reviewDue, List<Long> schools) {
}
