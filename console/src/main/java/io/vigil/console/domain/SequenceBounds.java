package io.vigil.console.domain;

/**
 * Limits on the per-device sequence numbers that order a device's records. A sequence is both the device's
 * queue position and, once acknowledged, the console's high-water mark for that device. One record with a
 * huge sequence (2^63-1 was seen from a hand-crafted client holding a genuine device credential) used to be
 * acknowledged and become the mark; the agent then renumbered its queue above it, overflowed to negative
 * numbers it never sends, and the device fell silent while still looking healthy.
 */
public final class SequenceBounds {

    /**
     * No device ever gets near this: at a thousand records a second it takes 285,000 years. It is far enough
     * below 2^63 that renumbering a whole spool above it cannot overflow, and every value up to it is exact
     * in a JSON number, which the web API and browsers read as a double.
     */
    public static final long SAFE_MAX = 1L << 53;

    /**
     * How far a record may run ahead of the highest sequence the console holds for the device. A device's
     * sequence moves past the console's mark only by records it raised and has not delivered yet (or set
     * aside), so a gap this size means a week offline raising more than one record a second: not a device.
     */
    public static final long MAX_AHEAD = 1_000_000;

    private SequenceBounds() {
    }

    /**
     * @param highestKnown the highest sequence the console holds (or has just accepted) for the device
     * @throws InvalidAlertException naming the field when the sequence is not a plausible next record
     */
    public static void check(long highestKnown, long sequence) {
        // uint64 on the wire: values above 2^63-1 arrive negative in Java and are refused here too.
        if (sequence <= 0) {
            throw new InvalidAlertException("sequence", "must be greater than 0");
        }
        if (sequence > SAFE_MAX) {
            throw new InvalidAlertException("sequence", sequence + " is above the largest sequence a device may use ("
                    + SAFE_MAX + ")");
        }
        if (sequence - Math.max(0, highestKnown) > MAX_AHEAD) {
            throw new InvalidAlertException("sequence", sequence + " is more than " + MAX_AHEAD
                    + " ahead of the last sequence stored for this device (" + highestKnown + ")");
        }
    }
}
