package io.vigil.agent.filter.dns;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Upstream answers by (name, type, class), kept for their TTL and then for a day more as "stale": when every
 * upstream is down the filter still answers names it has seen (RFC 8767 serve-stale), so a laptop that loses
 * its network keeps working for the sites it was using. Bounded in entries; time is {@code System.nanoTime}
 * (never the policy clock, which tests move).
 */
final class AnswerCache {

    static final long MAX_TTL_SECONDS = 3600;
    static final long NEGATIVE_TTL_SECONDS = 300;
    static final long STALE_SECONDS = 86_400;
    static final int MAX_ENTRIES = 20_000;

    record Key(String name, int type, int dclass) {
        static Key of(Record question) {
            return new Key(question.getName().toString().toLowerCase(java.util.Locale.ROOT), question.getType(),
                    question.getDClass());
        }
    }

    private record Entry(Message answer, long freshUntil, long staleUntil) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    AnswerCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** A fresh answer, or {@code null}. */
    Message fresh(Key key) {
        Entry e = entries.get(key);
        return e != null && nanoTime.getAsLong() - e.freshUntil() < 0 ? e.answer() : null;
    }

    /** A fresh or stale answer (used only when the upstreams failed), or {@code null}. */
    Message stale(Key key) {
        Entry e = entries.get(key);
        return e != null && nanoTime.getAsLong() - e.staleUntil() < 0 ? e.answer() : null;
    }

    void put(Key key, Message answer) {
        long ttl = ttl(answer);
        if (ttl <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            evict();
        }
        long now = nanoTime.getAsLong();
        entries.put(key, new Entry(answer, now + ttl * 1_000_000_000L, now + (ttl + STALE_SECONDS) * 1_000_000_000L));
    }

    int size() {
        return entries.size();
    }

    /** Drops the expired entries, then (if that freed too little) a tenth of the rest. */
    private void evict() {
        long now = nanoTime.getAsLong();
        entries.values().removeIf(e -> now - e.staleUntil() >= 0);
        Iterator<Key> it = entries.keySet().iterator();
        for (int i = 0; entries.size() > MAX_ENTRIES * 9 / 10 && it.hasNext(); i++) {
            it.next();
            it.remove();
        }
    }

    /** Seconds to keep an answer: its smallest TTL; for "no such name / no data" the SOA minimum (capped). */
    static long ttl(Message answer) {
        int rcode = answer.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return 0;
        }
        long min = Long.MAX_VALUE;
        for (Record r : answer.getSection(Section.ANSWER)) {
            min = Math.min(min, r.getTTL());
        }
        if (rcode == Rcode.NXDOMAIN || answer.getSection(Section.ANSWER).isEmpty()) {
            min = 30;
            for (Record r : answer.getSection(Section.AUTHORITY)) {
                if (r.getType() == Type.SOA) {
                    min = Math.min(Math.min(r.getTTL(), ((SOARecord) r).getMinimum()), NEGATIVE_TTL_SECONDS);
                }
            }
        }
        return Math.min(min, MAX_TTL_SECONDS);
    }
}
