package io.vigil.agent.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of the console's DER-encoded certificate. The agent trusts exactly that
 * certificate: schools run the console with a self-signed certificate and no public CA, so the pin,
 * handed out with the enrolment token, is the whole trust decision.
 *
 * @param hex 64 lower-case hex digits, no separators
 */
public record CertificatePin(String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public CertificatePin {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("certificate pin must be 64 lower-case hex digits");
        }
    }

    /**
     * Accepts the forms admins copy from tools: {@code AB:12:...} (openssl, keytool) or plain hex, any case.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CertificatePin parse(String text) {
        String value = text == null ? "" : text.strip();
        String digits = value.replace(":", "").toLowerCase(Locale.ROOT);
        if (value.contains(":") && !value.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){31}")) {
            throw new IllegalArgumentException("pin '" + value
                    + "' is not a SHA-256 fingerprint: separate the 32 bytes with ':' as AB:12:... or give 64 hex digits");
        }
        if (!HEX64.matcher(digits).matches()) {
            throw new IllegalArgumentException("pin '" + value
                    + "' is not a SHA-256 fingerprint: expected 64 hex digits (optionally as 32 ':'-separated pairs), got "
                    + digits.length() + " characters");
        }
        return new CertificatePin(digits);
    }

    public static CertificatePin of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new CertificatePin(HexFormat.of().formatHex(digest));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    @Override
    public String toString() {
        return hex;
    }
}
