package io.vigil.agent;

import io.vigil.agent.filter.FilterEngine;
import io.vigil.agent.filter.PolicyApplied;
import io.vigil.agent.filter.PolicyDocument;
import io.vigil.agent.signing.FilterPolicyTarget;
import io.vigil.agent.signing.PolicyRefusedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Hands a verified, pushed policy to the running web filter: a pushed policy is one {@code .vfp} document
 * (category lists inline or built in), so it becomes a one-file bundle. The engine validates before swapping;
 * its refusal (every problem as file:line) goes back to the console in PolicyApplied.
 */
final class FilterEngineTarget implements FilterPolicyTarget {

    static final String POLICY_FILE = "policy.vfp";

    private final FilterEngine engine;

    FilterEngineTarget(FilterEngine engine) {
        this.engine = engine;
    }

    @Override
    public void apply(String version, byte[] document) throws PolicyRefusedException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(document)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyRefusedException("policy " + version + " is not UTF-8 text");
        }
        PolicyApplied applied = engine.apply(new PolicyDocument(version, POLICY_FILE, Map.of(POLICY_FILE, text)));
        if (!applied.ok()) {
            throw new PolicyRefusedException("the filter refused policy " + version + ": "
                    + applied.error().replace('\n', ';'));
        }
    }
}
