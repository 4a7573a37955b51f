package io.vigil.console.domain;

import java.time.Instant;

/** Per-school casework settings; a school that never saved any has {@link SchoolSettings#DEFAULTS}. */
public interface SchoolSettingsRepository {

    SchoolSettings of(long schoolId);

    void save(long schoolId, SchoolSettings settings, String by, Instant at);
}
