package io.vigil.console.domain;

import java.util.Optional;

/** A school: every device, token, alert and user belongs to one. {@code trustId} groups it in a trust. */
public record School(long id, String name, Optional<Long> trustId) {
}
