package io.vigil.console.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a school's enrolment token into a device identity and a device credential. A token works until it
 * expires or the school's IT provider revokes it; each device records which token enrolled it.
 *
 * <p>Re-imaging: MDM wipes a laptop and the fresh install enrols again with the same firmware serial. The
 * console then reuses that school's record for the hardware id instead of listing the laptop twice (one of
 * them forever "not seen"), keeps its alert history attached, and replaces the credential. Only a
 * distinctive id is trusted for this (see {@link HardwareIds}): placeholder serials shared by whole batches of
 * machines would merge different laptops into one. Reuse never crosses schools, and needs a valid token, the
 * same proof a new enrolment needs; the old installation's credential stops working, as it should after a wipe.
 */
public final class Enrolment {

    /** 256 bits, as the contract promises. */
    private static final int CREDENTIAL_BYTES = 32;
    /** 128 bits: unguessable, still short enough to paste into an MDM profile. */
    private static final int TOKEN_BYTES = 16;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    /** Told of every enrolment, so it is audited whichever path made it. */
    public interface Journal {
        Journal NONE = (enrolled, hostname, tokenId) -> { };

        void enrolled(Enrolled enrolled, String hostname, long tokenId);
    }

    private final TokenRepository tokens;
    private final DeviceRepository devices;
    private final Secrets secrets;
    private final Clock clock;
    private final Journal journal;

    public Enrolment(TokenRepository tokens, DeviceRepository devices, Secrets secrets, Clock clock) {
        this(tokens, devices, secrets, clock, Journal.NONE);
    }

    public Enrolment(TokenRepository tokens, DeviceRepository devices, Secrets secrets, Clock clock,
                     Journal journal) {
        this.tokens = tokens;
        this.devices = devices;
        this.secrets = secrets;
        this.clock = clock;
        this.journal = journal;
    }

    public record Enrolled(String deviceId, String credential, String school) {
    }

    /** A new token; its id and the secret, which is shown this once (only its hash is kept). */
    public record NewToken(long id, String secret) {
    }

    /** A new token for {@code school}; only its hash is kept, so this is the one time it can be shown. */
    public String createToken(School school) {
        return createToken(school, "", Optional.empty()).secret();
    }

    /** @param expiresAt when it stops working; empty for a token that works until revoked */
    public NewToken createToken(School school, String createdBy, Optional<Instant> expiresAt) {
        Instant now = clock.instant();
        expiresAt.filter(e -> !e.isAfter(now)).ifPresent(e -> {
            throw new ConsoleException("the expiry " + DAY.format(e) + " is not in the future");
        });
        String token = secrets.newSecret(TOKEN_BYTES);
        long id = tokens.create(Secrets.sha256Hex(token), school.id(), createdBy, now, expiresAt.orElse(null));
        return new NewToken(id, token);
    }

    /** Empty if the token is unknown, expired or revoked. */
    public Optional<Enrolled> enrol(String token, DeviceFacts facts) {
        return attempt(token, facts) instanceof Accepted a ? Optional.of(a.enrolled()) : Optional.empty();
    }

    /** What an enrolment attempt came to. */
    public sealed interface Attempt permits Accepted, Refused {
    }

    public record Accepted(Enrolled enrolled) implements Attempt {
    }

    /** @param reason for the device's installer: why, and what to do */
    public record Refused(String reason) implements Attempt {
    }

    public Attempt attempt(String token, DeviceFacts facts) {
        if (Text.isBlank(token)) {
            return new Refused("enrolment token not recognised");
        }
        Optional<EnrolmentToken> found = tokens.byHash(Secrets.sha256Hex(token));
        if (found.isEmpty()) {
            return new Refused("enrolment token not recognised");
        }
        EnrolmentToken t = found.get();
        Instant now = clock.instant();
        switch (t.state(now)) {
            case REVOKED -> {
                return new Refused("enrolment token was revoked by the school's IT provider on "
                        + DAY.format(t.revokedAt()) + "; ask them for a new token");
            }
            case EXPIRED -> {
                return new Refused("enrolment token expired on " + DAY.format(t.expiresAt())
                        + "; ask the school's IT provider for a new token");
            }
            case ACTIVE -> {
                // enrol below
            }
        }
        String credential = secrets.newSecret(CREDENTIAL_BYTES);
        Optional<String> known = HardwareIds.isDistinctive(facts.hardwareId())
                ? devices.idByHardwareId(t.schoolId(), facts.hardwareId()) : Optional.empty();
        String deviceId;
        if (known.isPresent()) {
            deviceId = known.get();
            devices.reEnrol(deviceId, Secrets.sha256Hex(credential), facts);
        } else {
            deviceId = UUID.randomUUID().toString();
            devices.create(new Device(deviceId, t.schoolId(), t.schoolName(), facts, "", now, null),
                    Secrets.sha256Hex(credential));
        }
        tokens.recordUse(t.id(), deviceId);
        Enrolled enrolled = new Enrolled(deviceId, credential, t.schoolName());
        journal.enrolled(enrolled, facts.hostname(), t.id());
        return new Accepted(enrolled);
    }
}
