package io.vigil.console.domain;

import java.util.List;

/** A change to what devices enforce (keyword lists or filter policy), as four eyes needs to see it. */
public interface PublishedChange {

    long id();

    String requestedBy();

    /** Made for every school (decided by a second provider approver). */
    boolean providerWide();

    /** The school of a one-school change; null when provider-wide. */
    Long schoolId();

    List<Long> schools();

    /** {@code pending}, {@code rejected}, {@code live} or {@code superseded}. */
    String status();
}
