package io.vigil.console.notify;

import java.time.Instant;
import java.util.List;

/** Per school: who is on call, in order, and the urgent-alert settings. */
public interface OnCallRepository {

    /** The school's on-call people, first to be told first; empty if nobody is set. */
    List<OnCallPerson> onCall(long schoolId);

    /** Replaces the school's on-call order. */
    void setOnCall(long schoolId, List<OnCallPerson> people);

    UrgentSettings settings(long schoolId);

    void saveSettings(long schoolId, UrgentSettings settings, String by, Instant at);
}
