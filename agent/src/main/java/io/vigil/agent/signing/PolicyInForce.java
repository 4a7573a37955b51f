package io.vigil.agent.signing;

import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import io.vigil.filter.format.ListSource;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The verified policy the device enforces, parsed with the filter-policy module and swapped atomically. A
 * document that verifies but does not parse (an older agent meeting a newer format) is refused here, and the
 * previous policy stays. The DNS filter subscribes with {@link #onChange}.
 */
public final class PolicyInForce implements FilterPolicyTarget {

    public record Applied(String version, FilterPolicy policy) {
    }

    private final AtomicReference<Applied> current = new AtomicReference<>();
    private volatile Consumer<Applied> listener = applied -> { };

    @Override
    public void apply(String version, byte[] document) throws PolicyRefusedException {
        FilterPolicy parsed;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(document)).toString();
            parsed = FilterPolicy.parse("policy " + version, text, ListSource.none());
        } catch (CharacterCodingException e) {
            throw new PolicyRefusedException("policy " + version + " is not UTF-8 text");
        } catch (PolicyException e) {
            throw new PolicyRefusedException("policy " + version + " does not parse on this agent: "
                    + String.join("; ", e.problems()));
        }
        Applied applied = new Applied(version, parsed);
        current.set(applied);
        listener.accept(applied);
    }

    public Optional<Applied> current() {
        return Optional.ofNullable(current.get());
    }

    /** Called with every policy applied from now on (the DNS filter swaps its matcher here). */
    public void onChange(Consumer<Applied> listener) {
        this.listener = listener;
    }
}
