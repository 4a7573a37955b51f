package io.vigil.console.domain;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.score.CategoryResult;
import io.vigil.keywords.score.RuleHit;
import io.vigil.keywords.score.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why an alert was raised, in plain words, and which words of its snippet matched. It reads the same keyword
 * lists the agents match with: the alert carries the ids of the rules that fired ({@code su.kill-tonight}),
 * the lists say what each rule is. The snippet is scanned again with the same engine to find the matched words,
 * so highlighting follows the lists' own normalisation (case, spacing, look-alike letters) rather than a guess.
 */
public final class AlertExplainer {

    /** A piece of the snippet; {@code matched} pieces are the words a rule matched. */
    public record Segment(String text, boolean matched) {
    }

    /** The explanation: one sentence per rule that fired, and the snippet cut into segments. */
    public record Explanation(List<String> reasons, List<Segment> snippet) {
        public Explanation {
            reasons = List.copyOf(reasons);
            snippet = List.copyOf(snippet);
        }
    }

    private final KeywordEngine engine;
    private final Map<String, Rule> rules = new HashMap<>();
    private final Map<String, Integer> thresholds = new HashMap<>();

    public AlertExplainer(KeywordEngine engine) {
        this.engine = engine;
        for (CategoryList list : engine.lists().lists()) {
            thresholds.put(list.category(), list.header().threshold());
            list.rules().forEach(rule -> rules.put(rule.id(), rule));
        }
    }

    public Explanation explain(StoredAlert alert) {
        Map<String, List<String>> matchedWords = new HashMap<>();
        List<Segment> segments = highlight(alert, matchedWords);
        List<String> reasons = new ArrayList<>();
        for (String id : alert.ruleIds()) {
            Rule rule = rules.get(id);
            reasons.add(rule == null
                    ? "Rule " + id + " is not in this console's keyword lists (the device may have newer lists)."
                    : sentence(rule, matchedWords.getOrDefault(id, List.of())));
        }
        if (reasons.isEmpty()) {
            reasons.add(IncidentRoute.ofSource(alert.source())
                    .map(route -> "Logged by hand by a safeguarding user: " + route.label() + ".")
                    .orElse("The device sent no rule ids with this alert."));
        }
        return new Explanation(reasons, segments);
    }

    private String sentence(Rule rule, List<String> words) {
        String outcome = "severity " + rule.severity() + " " + Severity.label(rule.severity()).toLowerCase();
        String matched = words.isEmpty() ? quoted(rule.patterns()) : quoted(words);
        return switch (rule.kind()) {
            case TERM -> "Matched " + matched + (rule.banned() ? ": enough on its own to alert, " + outcome
                    : ": counts " + rule.weight() + " of the " + thresholds.getOrDefault(rule.category(), 0)
                    + " needed to alert, " + outcome) + " (rule " + rule.id() + ").";
            case NEAR -> "Matched " + quoted(rule.patterns().subList(0, 1)) + " within " + rule.window()
                    + " words of " + quoted(rule.patterns().subList(1, rule.patterns().size()))
                    + (words.isEmpty() ? "" : " (" + matched + ")") + ": " + outcome + " (rule " + rule.id() + ").";
            case ESCALATE -> "Found " + rule.roles().stream().map(AlertExplainer::roleWords)
                    .collect(Collectors.joining(" + ")) + " together in one message"
                    + (words.isEmpty() ? "" : " (" + matched + ")") + ": " + outcome + " (rule " + rule.id() + ").";
            case EXCEPT, CUE -> "Rule " + rule.id() + " shaped the score (" + rule.kind().keyword() + ").";
            case DOMAIN -> "Visited " + quoted(rule.patterns()) + " (or a part of that site), a site on the list: enough"
                    + " on its own to alert, " + outcome + " (rule " + rule.id() + ").";
        };
    }

    /** "su_intent" reads "intent"; "time|farewell" reads "time or farewell". */
    private static String roleWords(String group) {
        return java.util.Arrays.stream(group.split("\\|")).map(r -> r.replaceFirst("^[a-z]+_", "").replace('_', ' '))
                .collect(Collectors.joining(" or "));
    }

    private static String quoted(List<String> words) {
        return words.stream().distinct().map(w -> "\u201c" + w + "\u201d").collect(Collectors.joining(", "));
    }

    private List<Segment> highlight(StoredAlert alert, Map<String, List<String>> matchedWords) {
        String text = alert.snippet();
        TreeMap<Integer, Integer> spans = new TreeMap<>();
        Set<String> fired = Set.copyOf(alert.ruleIds());
        if (fired.isEmpty()) {
            // Nothing matched to raise it (an incident logged by hand): marking words would invent a match.
            return segments(text, spans);
        }
        for (CategoryResult category : engine.explain(text).categories()) {
            if (!category.category().equals(alert.category())) {
                continue;
            }
            for (RuleHit hit : category.rules()) {
                if (!fired.contains(hit.ruleId())) {
                    continue;
                }
                for (Span s : hit.matches()) {
                    int start = Math.max(0, s.start());
                    int end = Math.min(text.length(), s.end());
                    if (start < end) {
                        spans.merge(start, end, Math::max);
                        matchedWords.computeIfAbsent(hit.ruleId(), k -> new ArrayList<>())
                                .add(text.substring(start, end));
                    }
                }
            }
        }
        return segments(text, spans);
    }

    /** Cuts {@code text} at the (possibly overlapping) spans, start to end, into plain and matched segments. */
    static List<Segment> segments(String text, TreeMap<Integer, Integer> spans) {
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (var span : spans.entrySet()) {
            int start = Math.max(span.getKey(), at);
            int end = span.getValue();
            if (end <= start) {
                continue;
            }
            if (start > at) {
                out.add(new Segment(text.substring(at, start), false));
            }
            out.add(new Segment(text.substring(start, end), true));
            at = end;
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), false));
        }
        return out;
    }
}
