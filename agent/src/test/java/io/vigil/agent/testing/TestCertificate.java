package io.vigil.agent.testing;

import io.vigil.agent.config.CertificatePin;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed console certificate made with BouncyCastle, as the real console makes its own. */
public record TestCertificate(X509Certificate certificate, KeyPair keys) {

    public static TestCertificate selfSigned(String... dnsNamesAndIps) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=vigil-test-console");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic());
            List<GeneralName> names = new ArrayList<>();
            for (String name : dnsNamesAndIps) {
                boolean ip = name.matches("[0-9.]+") || name.contains(":");
                names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new TestCertificate(cert, keys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestCertificate forLocalhost() {
        return selfSigned("localhost", "127.0.0.1", "::1");
    }

    public CertificatePin pin() {
        return CertificatePin.of(certificate);
    }

    public InputStream certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8, which is what Netty accepts. */
    public InputStream privateKeyPem() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    private static InputStream pem(String type, byte[] der) {
        String text = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
