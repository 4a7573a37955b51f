package io.vigil.console.web.view;

import java.util.List;

/** Per-rule precision for list owners: counts only, never what pupils wrote. */
public record PrecisionView(String username, List<Row> rows) {

    public record Row(String ruleId, long closed, long falsePositives, String precision) {
    }
}
