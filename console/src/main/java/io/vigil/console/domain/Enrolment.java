package io.vigil.console.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a school's enrolment token into a device identity and a device credential.
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

    private final TokenRepository tokens;
    private final DeviceRepository devices;
    private final Secrets secrets;
    private final Clock clock;

    public Enrolment(TokenRepository tokens, DeviceRepository devices, Secrets secrets, Clock clock) {
        this.tokens = tokens;
        this.devices = devices;
        this.secrets = secrets;
        this.clock = clock;
    }

    public record Enrolled(String deviceId, String credential, String school) {
    }

    /** A new token for {@code school}; only its hash is kept, so this is the one time it can be shown. */
    public String createToken(School school) {
        String token = secrets.newSecret(TOKEN_BYTES);
        tokens.create(Secrets.sha256Hex(token), school.id(), clock.instant());
        return token;
    }

    /** Empty if the token is unknown or revoked. */
    public Optional<Enrolled> enrol(String token, DeviceFacts facts) {
        if (Text.isBlank(token)) {
            return Optional.empty();
        }
        return tokens.activeSchool(Secrets.sha256Hex(token)).map(school -> {
            String credential = secrets.newSecret(CREDENTIAL_BYTES);
            Optional<String> known = HardwareIds.isDistinctive(facts.hardwareId())
                    ? devices.idByHardwareId(school.id(), facts.hardwareId()) : Optional.empty();
            if (known.isPresent()) {
                devices.reEnrol(known.get(), Secrets.sha256Hex(credential), facts);
                return new Enrolled(known.get(), credential, school.name());
            }
            String deviceId = UUID.randomUUID().toString();
            Device device = new Device(deviceId, school.id(), school.name(), facts, "", clock.instant(), null);
            devices.create(device, Secrets.sha256Hex(credential));
            return new Enrolled(deviceId, credential, school.name());
        });
    }
}
