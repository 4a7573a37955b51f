package io.vigil.console.tls;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A "school's certificate" made in the test, written as the PEM files a school would be given: the key as
 * PKCS#8 or in the older PKCS#1 (RSA) / SEC1 (EC) form. BouncyCastle is already the console's dependency.
 */
public final class TestCertificates {

    public enum KeyForm { PKCS8, TRADITIONAL }

    public record Files(Path certificate, Path key, X509Certificate parsed, KeyPair keys) {
    }

    private TestCertificates() {
    }

    public static Files write(Path dir, String algorithm, KeyForm form, Instant notAfter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        KeyPair keys = generator.generateKeyPair();
        X509Certificate cert = certificate(keys, algorithm, notAfter);
        Path certFile = dir.resolve("school-" + algorithm + "-" + form + ".crt");
        Path keyFile = dir.resolve("school-" + algorithm + "-" + form + ".key");
        java.nio.file.Files.writeString(certFile, pem(cert));
        java.nio.file.Files.writeString(keyFile, form == KeyForm.PKCS8
                ? pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate())
                : traditional(keys));
        return new Files(certFile, keyFile, cert, keys);
    }

    private static X509Certificate certificate(KeyPair keys, String algorithm, Instant notAfter) throws Exception {
        X500Name name = new X500Name("CN=console.oak-primary.example");
        Instant notBefore = notAfter.isBefore(Instant.now()) ? notAfter.minus(Duration.ofDays(30))
                : Instant.now().minus(Duration.ofMinutes(5));
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        var signer = new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                .build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /**
     * PKCS#1 for RSA; for EC, SEC1 with the curve named inside, as {@code openssl ecparam -genkey} writes it (BC's
     * writer would copy the JDK's PKCS#8 inner key, which leaves the curve out).
     */
    private static String traditional(KeyPair keys) throws Exception {
        if (!(keys.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec)) {
            return pem(keys.getPrivate());
        }
        var info = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(), info.getPublicKeyData(),
                new org.bouncycastle.asn1.x9.X962Parameters(org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1));
        return pem(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
