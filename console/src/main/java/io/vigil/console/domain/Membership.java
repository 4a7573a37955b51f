package io.vigil.console.domain;

import java.util.Optional;

/**
 * Where a console user belongs: one school (the default), or a whole trust. A trust membership is a
 * deliberate grant made and audited at the command line, never a default.
 */
public record Membership(Optional<Long> schoolId, Optional<Long> trustId) {

    public Membership {
        if (schoolId.isPresent() == trustId.isPresent()) {
            throw new IllegalArgumentException("a user belongs to exactly one school or one trust");
        }
    }

    public static Membership school(long schoolId) {
        return new Membership(Optional.of(schoolId), Optional.empty());
    }

    public static Membership trust(long trustId) {
        return new Membership(Optional.empty(), Optional.of(trustId));
    }
}
