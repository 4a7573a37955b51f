package io.vigil.agent.config;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A console policy-signing public key the agent pinned at enrolment. Only policies signed by one of these are
 * applied, whatever the TLS session says: a console certificate alone cannot change what a device filters.
 *
 * @param keyId the console's name for the key ({@code ed25519-…}), carried by every signed policy
 * @param x509  the Ed25519 public key, X.509 encoded
 */
public record PolicyKey(String keyId, byte[] x509) {

    public PolicyKey {
        if (keyId == null || !keyId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("policy key id '" + keyId + "' is not a key id");
        }
        x509 = x509.clone();
        publicKey(x509); // fail at load, not at the first push
    }

    public PublicKey publicKey() {
        return publicKey(x509);
    }

    private static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The config file form: {@code id:base64,id:base64}. */
    static String format(List<PolicyKey> keys) {
        return keys.stream().map(k -> k.keyId() + ":" + Base64.getEncoder().encodeToString(k.x509))
                .collect(Collectors.joining(","));
    }

    static List<PolicyKey> parse(String text) {
        List<PolicyKey> keys = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int colon = item.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("'" + item.strip() + "' is not <key id>:<base64 key>");
            }
            try {
                keys.add(new PolicyKey(item.substring(0, colon).strip(),
                        Base64.getDecoder().decode(item.substring(colon + 1).strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key '" + item.substring(0, colon).strip() + "': " + e.getMessage());
            }
        }
        return List.copyOf(keys);
    }
}
