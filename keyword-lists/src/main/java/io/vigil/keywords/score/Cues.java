package io.vigil.keywords.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cue matches of one scanned text, by role: what {@code escalate} rules combine and what the context
 * cap reads. Roles are global to a list set: a {@code time} cue written in suicide.vkl is a time cue for
 * violence too.
 *
 * <p>Roles with a fixed meaning: {@code help}, {@code teaching} and {@code reporting} are context that caps
 * severity at 2; {@code fiction} is noted but never lowers anything; a role named {@code intent} or ending in
 * {@code _intent} is first-person intent, which lifts the cap.
 */
final class Cues {

    static final List<String> CONTEXT_ROLES = List.of("help", "teaching", "reporting");
    static final String FICTION = "fiction";

    /** One cue match: its words, normalised span and the cue rule that matched. */
    record Hit(NearWindows.WordHit at, String ruleId) {
    }

    static final Cues NONE = new Cues();
    // NONE is shared but never indexed: the scorer only asks about cues when some matched.

    private final Map<String, List<Hit>> byRole = new HashMap<>();

    void add(String role, NearWindows.WordHit at, String ruleId) {
        byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(new Hit(at, ruleId));
    }

    boolean isEmpty() {
        return byRole.isEmpty();
    }

    boolean has(String role) {
        return byRole.containsKey(role);
    }

    /** Whether some role of {@code group} ({@code role|role|...}) matched. */
    boolean hasAny(String group) {
        for (String role : group.split("\\|")) {
            if (byRole.containsKey(role)) {
                return true;
            }
        }
        return false;
    }

    /** Matches of every role in {@code group}. */
    List<NearWindows.WordHit> hitsOf(String group) {
        List<NearWindows.WordHit> out = new ArrayList<>();
        for (String role : group.split("\\|")) {
            byRole.getOrDefault(role, List.of()).forEach(h -> out.add(h.at()));
        }
        return out;
    }

    /** Per role, the first cue in each sentence: built once per text so each sentence pair is a lookup. */
    private final Map<String, Hit[]> firstBySentence = new HashMap<>();
    private Hit[] intentBySentence;

    /** The first cue of {@code role} in sentences {@code [from, to]}, or null. */
    Hit firstIn(String role, Sentences sentences, int from, int to) {
        Hit[] first = firstBySentence.computeIfAbsent(role, r -> index(byRole.getOrDefault(r, List.of()), sentences));
        for (int s = from; s <= to; s++) {
            if (first[s] != null) {
                return first[s];
            }
        }
        return null;
    }

    /** The first first-person intent cue in sentences {@code [from, to]}, or null. */
    Hit intentIn(Sentences sentences, int from, int to) {
        if (intentBySentence == null) {
            List<Hit> intents = new ArrayList<>();
            byRole.forEach((role, hits) -> {
                if (isIntent(role)) {
                    intents.addAll(hits);
                }
            });
            intentBySentence = index(intents, sentences);
        }
        for (int s = from; s <= to; s++) {
            if (intentBySentence[s] != null) {
                return intentBySentence[s];
            }
        }
        return null;
    }

    private static Hit[] index(List<Hit> hits, Sentences sentences) {
        Hit[] first = new Hit[sentences.count()];
        for (Hit h : hits) {
            int s = sentences.sentenceOf(h.at().startWord());
            if (first[s] == null || h.at().start() < first[s].at().start()) {
                first[s] = h;
            }
        }
        return first;
    }

    static boolean isIntent(String role) {
        return role.equals("intent") || role.endsWith("_intent");
    }
}
