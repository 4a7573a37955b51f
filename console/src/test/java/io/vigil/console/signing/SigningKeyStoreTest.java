package io.vigil.console.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.policy.PublicSigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAnOwnerOnlyKeyAndLaterStartsReuseIt() throws Exception {
        SigningKeyStore first = SigningKeyStore.loadOrCreate(data);
        SigningKeyStore again = SigningKeyStore.loadOrCreate(data);

        assertEquals(first.activeKeyId(), again.activeKeyId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("signing").resolve(first.activeKeyId() + ".key"))));
        assertTrue(first.activeKeyId().matches("ed25519-[0-9a-f]{16}"), first.activeKeyId());
    }

    @Test
    void aSignatureVerifiesWithThePublishedKeyAndNotForOtherBytes() throws Exception {
        SigningKeyStore store = SigningKeyStore.loadOrCreate(data);
        byte[] document = "group ks2\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = store.sign(document);
        PublicSigningKey published = store.publicKeys().getFirst();

        assertEquals(store.activeKeyId(), published.keyId());
        assertEquals(SigningKeyStore.keyIdOf(published.x509()), published.keyId());
        assertTrue(verify(published, document, signature));
        assertFalse(verify(published, "group staff\n".getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void aSecondPublicKeyIsPublishedButTheActiveOneSigns() throws Exception {
        SigningKeyStore first = SigningKeyStore.loadOrCreate(data);
        Path other = Files.createDirectories(data.resolve("other"));
        SigningKeyStore next = SigningKeyStore.loadOrCreate(other);
        String nextId = next.activeKeyId();
        Files.copy(other.resolve("signing").resolve(nextId + ".pub"), data.resolve("signing").resolve(nextId + ".pub"));

        SigningKeyStore rotated = SigningKeyStore.loadOrCreate(data);

        assertEquals(2, rotated.publicKeys().size());
        assertEquals(first.activeKeyId(), rotated.publicKeys().getFirst().keyId());
        assertEquals(first.activeKeyId(), rotated.activeKeyId());
    }

    @Test
    void aKeyOthersCanReadIsRefused() throws Exception {
        String id = SigningKeyStore.loadOrCreate(data).activeKeyId();
        Files.setPosixFilePermissions(data.resolve("signing").resolve(id + ".key"),
                PosixFilePermissions.fromString("rw-r--r--"));

        var e = assertThrows(ConsoleException.class, () -> SigningKeyStore.loadOrCreate(data));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    private static boolean verify(PublicSigningKey key, byte[] document, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key.x509())));
        verifier.update(document);
        return verifier.verify(signature);
    }
}
