package io.vigil.console.domain;

/** Checks a device's id and credential against the stored hash. */
public final class DeviceAuthenticator {

    /** Hash compared when the device is unknown, so unknown ids cost the same as wrong credentials. */
    private static final String NO_SUCH_DEVICE = "0".repeat(64);

    private final DeviceRepository devices;

    public DeviceAuthenticator(DeviceRepository devices) {
        this.devices = devices;
    }

    public boolean authenticate(String deviceId, String credential) {
        if (Text.isBlank(deviceId) || Text.isBlank(credential) || deviceId.length() > 64) {
            return false;
        }
        var stored = devices.credentialHash(deviceId);
        boolean matches = Secrets.matchesHash(credential, stored.orElse(NO_SUCH_DEVICE));
        return stored.isPresent() && matches;
    }
}
