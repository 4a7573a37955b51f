package io.vigil.console.lists;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What proposed lists would have done to the alerts already stored: each stored snippet is matched again with
 * the proposed engine. Counted per rule that raised the stored alert: how many it raised, how many the proposal
 * would no longer raise, how many it would raise differently (another category or severity), and how many the
 * DSL marked as false positives. Only counts leave this class: the IT role sees rules, never pupils' words.
 */
public record RetroTest(int alertsTested, int noLongerRaised, int raisedDifferently, List<RuleCount> rules) {

    public record RuleCount(String ruleId, int stored, int noLongerRaised, int raisedDifferently,
                            int falsePositives) {
    }

    public RetroTest {
        rules = List.copyOf(rules);
    }

    public static final RetroTest NONE = new RetroTest(0, 0, 0, List.of());

    public static RetroTest run(KeywordEngine proposed, List<StoredMatch> stored) {
        Map<String, int[]> counts = new TreeMap<>();
        int goneTotal = 0;
        int differentTotal = 0;
        for (StoredMatch alert : stored) {
            Verdict now = proposed.scan(alert.snippet());
            boolean gone = !now.alert();
            boolean different = !gone && (!now.category().equals(alert.category()) || now.severity() != alert.severity());
            goneTotal += gone ? 1 : 0;
            differentTotal += different ? 1 : 0;
            for (String rule : alert.ruleIds()) {
                int[] c = counts.computeIfAbsent(rule, r -> new int[4]);
                c[0]++;
                c[1] += gone ? 1 : 0;
                c[2] += different ? 1 : 0;
                c[3] += alert.falsePositive() ? 1 : 0;
            }
        }
        List<RuleCount> rules = new ArrayList<>();
        counts.forEach((rule, c) -> rules.add(new RuleCount(rule, c[0], c[1], c[2], c[3])));
        return new RetroTest(stored.size(), goneTotal, differentTotal, rules);
    }

    public String summary() {
        return alertsTested + " stored alert(s) matched again: " + noLongerRaised + " would no longer be raised, "
                + raisedDifferently + " would be raised differently";
    }

    public byte[] encode() {
        StringBuilder out = new StringBuilder("tested\t").append(alertsTested).append('\t').append(noLongerRaised)
                .append('\t').append(raisedDifferently).append('\n');
        rules.forEach(r -> out.append(r.ruleId()).append('\t').append(r.stored()).append('\t')
                .append(r.noLongerRaised()).append('\t').append(r.raisedDifferently()).append('\t')
                .append(r.falsePositives()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static RetroTest decode(byte[] stored) {
        int[] totals = new int[3];
        List<RuleCount> rules = new ArrayList<>();
        for (String line : new String(stored, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 4 && f[0].equals("tested")) {
                for (int i = 0; i < 3; i++) {
                    totals[i] = Integer.parseInt(f[i + 1]);
                }
            } else if (f.length == 5) {
                rules.add(new RuleCount(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4])));
            }
        }
        return new RetroTest(totals[0], totals[1], totals[2], rules);
    }
}
