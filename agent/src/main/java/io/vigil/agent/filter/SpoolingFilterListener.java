package io.vigil.agent.filter;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the filter's records to the device spool, and turns filter alerts into DSL alerts (source
 * {@code filter}, url = the domain) so they travel, rank and notify exactly like keyword alerts.
 */
public final class SpoolingFilterListener implements FilterListener {

    /** Illegal content: the highest severity, as the keyword lists give indecent-image and terror terms. */
    static final int ILLEGAL_SEVERITY = 5;
    static final int HIGH_RISK_SEVERITY = 4;
    /** Repeated bypass is a conduct concern, not evidence of harm: medium. */
    static final int BYPASS_SEVERITY = 3;

    private final Consumer<DeviceRecord> sink;
    private final Supplier<String> policyVersion;

    public SpoolingFilterListener(Consumer<DeviceRecord> sink, Supplier<String> policyVersion) {
        this.sink = sink;
        this.policyVersion = policyVersion;
    }

    @Override
    public void report(DeviceRecord record) {
        sink.accept(record);
    }

    @Override
    public void alert(FilterAlert a) {
        sink.accept(toAlert(a, policyVersion.get()));
    }

    static AlertRecord toAlert(FilterAlert a, String policyVersion) {
        boolean bypass = a.kind() == FilterAlert.Kind.REPEATED_BYPASS;
        String category = bypass ? "filter_bypass" : a.category();
        int severity = bypass ? BYPASS_SEVERITY
                : "illegal".equals(a.category()) ? ILLEGAL_SEVERITY : HIGH_RISK_SEVERITY;
        String snippet = a.reason().length() > AlertRecord.MAX_SNIPPET_CHARS
                ? a.reason().substring(0, AlertRecord.MAX_SNIPPET_CHARS) : a.reason();
        return new AlertRecord(UUID.randomUUID(), category, severity, a.attempts(), List.of("filter." + a.category()),
                snippet, "", "", a.domain(), a.user(), a.occurredAt(), "filter", "filter-policy " + policyVersion);
    }
}
