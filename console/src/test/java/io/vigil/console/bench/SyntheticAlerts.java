package io.vigil.console.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic alerts for load tests: realistic proportions of category, severity and status, a
 * year of history, and snippets drawn from an everyday vocabulary with safeguarding words mixed in, so text
 * queries have rare, medium and common words to find.
 */
final class SyntheticAlerts {

    static final String[] CATEGORIES = {"suicide", "self_harm", "eating_disorder", "bullying", "grooming",
        "sexual_content", "radicalisation", "violence_weapons", "drugs", "gambling", "hate_speech", "filter_bypass",
        "abuse"};
    private static final String[] COMMON = ("i you the a to and of it is in that for on with was me my this at be"
            + " school today friend class home mum dad teacher lesson homework phone game chat group message"
            + " people everyone nobody always never tonight tomorrow weekend after before really just want feel"
            + " going think know hate love help told said sent picture video online account").split(" ");
    private static final String[] CONCERN = ("kill myself cut knife pills hurt die bully ugly fat secret meet"
            + " alone photo weed stab gang bet vpn proxy hit scared worthless starve vomit bridge rope").split(" ");
    static final String RARE_WORD = "rope";

    private final SplittableRandom random;
    private final int schools;
    private final Instant end;

    SyntheticAlerts(long seed, int schools, Instant end) {
        this.random = new SplittableRandom(seed);
        this.schools = schools;
        this.end = end;
    }

    record Alert(String uuid, int school, int device, String user, String category, int severity, String status,
                 String snippet, Instant occurredAt) {
    }

    Alert next(long n) {
        int school = random.nextInt(schools);
        int device = random.nextInt(DEVICES_PER_SCHOOL);
        int severity = severity();
        String status = random.nextInt(100) < 20 ? "new" : random.nextInt(100) < 15 ? "in_review" : "closed";
        Instant at = end.minus(Duration.ofSeconds(random.nextLong(365L * 24 * 3600)));
        return new Alert(new java.util.UUID(0x7669_6769_6c00_0000L | school, n).toString(), school, device,
                "pupil" + random.nextInt(USERS_PER_SCHOOL) + ".s" + school, CATEGORIES[random.nextInt(CATEGORIES.length)],
                severity, status, snippet(), at);
    }

    static final int DEVICES_PER_SCHOOL = 20;
    static final int USERS_PER_SCHOOL = 500;

    private int severity() {
        int r = random.nextInt(100);
        return r < 10 ? 1 : r < 40 ? 2 : r < 75 ? 3 : r < 95 ? 4 : 5;
    }

    private String snippet() {
        int words = 6 + random.nextInt(14);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            boolean concern = random.nextInt(8) == 0;
            String[] from = concern ? CONCERN : COMMON;
            // Zipf-like: low indexes far more often, so some words are common and others rare.
            int index = (int) Math.min(from.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * from.length));
            text.append(from[index]);
        }
        return text.toString();
    }
}
