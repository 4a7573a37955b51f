package io.vigil.console.policy;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.ConsoleException;
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
 * <p>Changes with four eyes (uploads, provider-wide changes, rollbacks, emergency blocks) are
 * {@link PolicyChangeFlow}'s; this class signs and pushes for it. Grants and suspensions are the exception by
 * design: time-limited safeguarding actions by a nominated person, audited, republished at once
 * ({@link #addOverlay}).
 */
public final class FilterPolicyPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FilterPolicyPublisher.class);
    /** Category lists belong in imported list files, not the policy itself; 1 MiB is generous for rules. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private final PolicyValidator validator;
    private final PolicySigner signer;
    private final PolicyRepository policies;
    private final PolicyPush push;
    private final OverlayRepository overlays;
    private final AuditLog audit;
    private final Clock clock;

    public FilterPolicyPublisher(PolicyValidator validator, PolicySigner signer, PolicyRepository policies,
                                 PolicyPush push, OverlayRepository overlays, AuditLog audit, Clock clock) {
        this.validator = validator;
        this.signer = signer;
        this.policies = policies;
        this.push = push;
        this.overlays = overlays;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Marks where the console's generated section starts. The school's own document (the base) is everything
     * before it; a new upload keeps the grants and suspensions still in force, a new grant keeps the base.
     */
    static final String OVERLAY_MARKER = "# --- console overlay: time-limited grants and suspensions; generated, "
            + "do not edit ---";

    /**
     * The upload as text, refused with a located problem when it is empty, too big, not UTF-8, or carries the
     * console's own overlay section.
     */
    static String uploadedBase(String name, byte[] upload) {
        String base = decode(name, upload);
        if (base.contains(OVERLAY_MARKER)) {
            throw new InvalidPolicyException(List.of(new PolicyProblem(name, lineOf(base, OVERLAY_MARKER),
                    "the console overlay section is added by the console; upload the policy without it")));
        }
        return base;
    }

    /**
     * Checks {@code base} as the school's devices would get it now (with the grants and suspensions in force), so
     * an approver never sees a policy devices would refuse. @throws InvalidPolicyException with every problem
     */
    void requireValidFor(String actor, long schoolId, String name, String base) {
        requireValid(actor, schoolId, name, compose(base, overlays.active(schoolId, clock.instant())));
    }

    /** {@code base} with the grants and suspensions now in force, validated and signed for the school. */
    SignedPolicy signFor(String actor, long schoolId, String name, String base) {
        String document = compose(base, overlays.active(schoolId, clock.instant()));
        requireValid(actor, schoolId, name, document);
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        return new SignedPolicy(versionOf(bytes), bytes, signer.sign(bytes), signer.activeKeyId());
    }

    /** Sends a signed policy over the school's open sessions; @return how many it went to. */
    int pushTo(long schoolId, SignedPolicy signed) {
        return push.push(policies.deviceIdsOf(schoolId), signed);
    }

    /**
     * Publishes the school's live policy again with {@code overlay} added to those in force, storing the overlay
     * only when the result validates (so an unknown or illegal category leaves nothing behind).
     *
     * @throws InvalidPolicyException when there is no live policy yet, or the overlay does not validate
     */
    public PublishedPolicy addOverlay(FilterOverlay overlay) {
        String name = "policy";
        SignedPolicy live = policies.live(overlay.schoolId()).orElseThrow(() -> new InvalidPolicyException(List.of(
                new PolicyProblem(name, 1, "this school has no filter policy yet; publish one first"))));
        String base = baseOf(new String(live.document(), StandardCharsets.UTF_8));
        List<FilterOverlay> all = new java.util.ArrayList<>(overlays.active(overlay.schoolId(), clock.instant()));
        all.add(overlay);
        requireValid(overlay.grantedBy(), overlay.schoolId(), name, compose(base, all));
        overlays.add(overlay);
        audit.record(overlay.grantedBy(), overlay.kind() == FilterOverlay.Kind.SUSPENDED ? AuditAction.PUPIL_SUSPEND
                : AuditAction.FILTER_ACCESS_GRANT, "school=" + overlay.schoolId() + " user=" + overlay.username()
                + (overlay.category() == null ? "" : " category=" + overlay.category()) + " until="
                + overlay.validUntil() + " reason=" + overlay.reason());
        return sign(overlay.grantedBy(), overlay.schoolId(), name, base, all);
    }

    /** The live policy's base document (without the console's overlay section), if the school has one. */
    public java.util.Optional<String> liveBase(long schoolId) {
        return policies.live(schoolId).map(p -> baseOf(new String(p.document(), StandardCharsets.UTF_8)));
    }

    private PublishedPolicy sign(String actor, long schoolId, String name, String base, List<FilterOverlay> active) {
        String document = compose(base, active);
        requireValid(actor, schoolId, name, document);
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

    private void requireValid(String actor, long schoolId, String name, String document) {
        List<PolicyProblem> problems = validator.validate(name, document);
        if (!problems.isEmpty()) {
            audit.record(actor, AuditAction.POLICY_REFUSED, "school=" + schoolId + " problems=" + problems.size());
            throw new InvalidPolicyException(problems);
        }
    }

    static String compose(String base, List<FilterOverlay> active) {
        if (active.isEmpty()) {
            return base;
        }
        StringBuilder document = new StringBuilder(base);
        if (!base.endsWith("\n")) {
            document.append('\n');
        }
        document.append(OVERLAY_MARKER).append('\n');
        active.forEach(o -> document.append(o.policyLines()));
        return document.toString();
    }

    static String baseOf(String document) {
        int marker = document.indexOf(OVERLAY_MARKER);
        return marker < 0 ? document : document.substring(0, marker);
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
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
