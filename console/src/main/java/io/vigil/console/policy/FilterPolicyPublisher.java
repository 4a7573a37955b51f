package io.vigil.console.policy;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.Secrets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a school's filter policy: validate (every problem, nothing stored when any), store as an
 * immutable version named by its content hash, sign, then push over the school's open sessions. Devices that
 * are offline get it after their next Hello ({@link PolicyDelivery}).
 *
 * <p>Today one person with {@code lists.publish} publishes directly. The tables already hold requester and
 * decider, so a second approver (a leader of that school) slots in between store and sign.
 */
public final class FilterPolicyPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FilterPolicyPublisher.class);
    /** Category lists belong in imported list files, not the policy itself; 1 MiB is generous for rules. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private final PolicyValidator validator;
    private final PolicySigner signer;
    private final PolicyRepository policies;
    private final PolicyPush push;
    private final AuditLog audit;
    private final Clock clock;

    public FilterPolicyPublisher(PolicyValidator validator, PolicySigner signer, PolicyRepository policies,
                                 PolicyPush push, AuditLog audit, Clock clock) {
        this.validator = validator;
        this.signer = signer;
        this.policies = policies;
        this.push = push;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws InvalidPolicyException with every problem as file:line; nothing is stored, signed or pushed then
     */
    public PublishedPolicy publish(String actor, long schoolId, String fileName, byte[] upload) {
        String name = fileName == null || fileName.isBlank() ? "policy" : fileName.strip();
        String document = decode(name, upload);
        List<PolicyProblem> problems = validator.validate(name, document);
        if (!problems.isEmpty()) {
            audit.record(actor, AuditAction.POLICY_REFUSED, "school=" + schoolId + " problems=" + problems.size());
            throw new InvalidPolicyException(problems);
        }
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        SignedPolicy signed = new SignedPolicy(versionOf(bytes), bytes, signer.sign(bytes), signer.activeKeyId());
        PublishedPolicy stored = policies.publish(schoolId, name, document, signed, actor, clock.instant());
        audit.record(actor, AuditAction.POLICY_PUBLISH, "school=" + schoolId + " version=" + signed.version()
                + " key=" + signed.keyId());
        int sessions = push.push(policies.deviceIdsOf(schoolId), signed);
        LOG.info("Filter policy {} for school {} published by {}; pushed to {} open session(s)", signed.version(),
                schoolId, actor, sessions);
        return stored;
    }

    /** The content hash devices report back: {@code sha256:<hex>} of the exact signed bytes. */
    public static String versionOf(byte[] document) {
        return "sha256:" + HexFormat.of().formatHex(Secrets.sha256(document));
    }

    private static String decode(String name, byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidPolicyException(List.of(new PolicyProblem(name, 1, "the policy is empty")));
        }
        if (upload.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidPolicyException(List.of(new PolicyProblem(name, 1,
                    "the policy is " + upload.length + " bytes; at most " + MAX_DOCUMENT_BYTES + " are accepted")));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(upload)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPolicyException(List.of(new PolicyProblem(name, 1, "not valid UTF-8 text")));
        }
    }
}
