package io.vigil.e2e;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The phone in the end-to-end tests: every user a test creates gets a fresh random TOTP secret (passed to
 * {@code user add --totp-secret}), and sign-ins get the current code. Written from RFC 6238 here rather than
 * reusing the console's class, so a mistake there cannot hide itself.
 *
 * <p>The console refuses a code used before, so a second sign-in by one user within a 30-second step uses the
 * next step's code (the console accepts one either side); only when both are spent does {@link #code} wait for
 * the clock to reach the next step. The previous step's code is never used: it can expire at once.
 */
final class Authenticator {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Enrolled(byte[] secret, Set<Long> usedSteps) {
    }

    private final Map<String, Enrolled> users = new ConcurrentHashMap<>();

    /** A fresh secret for this user, remembered, as base32 for {@code --totp-secret}. */
    String newSecret(String username) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        users.put(username, new Enrolled(secret, new HashSet<>()));
        return encode(secret);
    }

    /** Remembers a secret the console printed (the demo, {@code user totp}). */
    void remember(String username, String base32) {
        users.put(username, new Enrolled(decode(base32), new HashSet<>()));
    }

    /** A current code not handed out before. */
    synchronized String code(String username) {
        Enrolled user = users.get(username);
        if (user == null) {
            throw new IllegalStateException("no TOTP secret for '" + username + "': add the user through VigilSite");
        }
        while (true) {
            long now = Instant.now().getEpochSecond() / 30;
            // Never the previous step's code: the console accepts it only until the current step ends, which can
            // be a millisecond away, and a sign-in on a loaded machine takes seconds. The current step's code
            // stays good for 30-60 s, the next step's for 60-90 s.
            for (long step : new long[] {now, now + 1}) {
                if (user.usedSteps.add(step)) {
                    return code(user.secret, step);
                }
            }
            try {
                Thread.sleep(Math.max(1, (now + 1) * 30_000 - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    private static byte[] decode(String text) {
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.strip().toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
