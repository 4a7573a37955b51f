package io.vigil.console.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Turns a school's enrolment token into a device identity and a device credential. */
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
            String deviceId = UUID.randomUUID().toString();
            String credential = secrets.newSecret(CREDENTIAL_BYTES);
            Device device = new Device(deviceId, school.id(), school.name(), facts, "", clock.instant(), null);
            devices.create(device, Secrets.sha256Hex(credential));
            return new Enrolled(deviceId, credential, school.name());
        });
    }
}
