package io.vigil.console.domain;

/**
 * Who may decide or review a published change (keyword lists and filter policy alike): never the requester; for
 * one school's change a leader of that school (DSL or headteacher); for a provider-wide change a second IT provider
 * approver who covers every affected school. The tables refuse the requester as decider too.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /**
     * A pending change this person may decide. @throws ConsoleException when it is not pending or they may not
     */
    public static <C extends PublishedChange> C requireDecidable(Actor approver, C change, String verb) {
        if (!change.status().equals("pending")) {
            throw new ConsoleException("change " + change.id() + " is " + change.status() + ", not pending");
        }
        requireSecondPerson(approver, change, verb);
        return change;
    }

    /**
     * @param verb what the approver tries to do, for the message ("approve", "review", ...)
     * @throws ConsoleException naming why this person may not
     */
    public static void requireSecondPerson(Actor approver, PublishedChange change, String verb) {
        if (change.requestedBy().equalsIgnoreCase(approver.username())) {
            throw new ConsoleException("you requested change " + change.id() + "; another person must " + verb
                    + " it");
        }
        boolean allowed = change.providerWide() ? approver.providerApproverFor(change.schools())
                : change.schoolId() != null && approver.leaderOf(change.schoolId());
        if (!allowed) {
            throw new ConsoleException(change.providerWide()
                    ? "a provider-wide change is decided by a second IT provider approver who covers every school"
                    : "a school's change is decided by a leader of that school (DSL or headteacher)");
        }
    }

    /**
     * The schools a change affects: every school for a provider-wide change ({@code schoolId} null), which only
     * someone covering every school may make; else the one school, which must be in the actor's scope.
     */
    public static java.util.List<Long> affectedSchools(Actor actor, Long schoolId,
                                                       java.util.function.Supplier<java.util.List<Long>> allSchools) {
        if (schoolId == null) {
            java.util.List<Long> all = allSchools.get();
            if (!actor.scope().schoolIds().containsAll(all)) {
                throw new ConsoleException("a provider-wide change affects every school; only someone who covers "
                        + "every school may make it (send ?school=ID for one school)");
            }
            return all;
        }
        if (!actor.scope().contains(schoolId)) {
            throw new ConsoleException("school " + schoolId + " is not one of your schools");
        }
        return java.util.List.of(schoolId);
    }
}
