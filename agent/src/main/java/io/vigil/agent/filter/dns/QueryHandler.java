package io.vigil.agent.filter.dns;

import io.vigil.agent.filter.FilterEngine;
import io.vigil.filter.Decision;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * One DNS query in, one answer out, whatever the transport: parse (garbage → FORMERR or drop), ask the filter,
 * then answer locally (block, NXDOMAIN) or from cache/upstream (allow, SafeSearch rewrite). Answers that need
 * the network complete later on dnsjava's I/O thread; the rest are answered on the caller's thread.
 */
final class QueryHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);

    private final FilterEngine engine;
    private final Upstreams upstreams;
    private final AnswerCache cache;
    private final List<InetAddress> blockAddresses;
    private final InPathProbe probe;

    QueryHandler(FilterEngine engine, Upstreams upstreams, AnswerCache cache, List<InetAddress> blockAddresses,
                 InPathProbe probe) {
        this.engine = engine;
        this.upstreams = upstreams;
        this.cache = cache;
        this.blockAddresses = List.copyOf(blockAddresses);
        this.probe = probe;
    }

    /** Answers {@code wire[0..length)}; {@code reply} gets the answer's bytes, or {@code null} to drop it. */
    void handle(byte[] wire, int length, boolean tcp, Consumer<byte[]> reply) {
        Message query;
        try {
            query = new Message(ByteBuffer.wrap(wire, 0, length));
        } catch (IOException | RuntimeException e) {
            reply.accept(DnsAnswers.formErr(wire, length));
            return;
        }
        try {
            answer(query, tcp, reply);
        } catch (RuntimeException e) {
            // A query that trips us must cost one SERVFAIL, never the resolver.
            log.warn("query {} failed: {}", query.getQuestion(), e.toString());
            reply.accept(wire(DnsAnswers.reply(query, Rcode.SERVFAIL), query, tcp));
        }
    }

    private void answer(Message query, boolean tcp, Consumer<byte[]> reply) {
        if (query.getHeader().getFlag(Flags.QR)) {
            reply.accept(null); // a response sent to a server: never answer it
            return;
        }
        Consumer<Message> send = m -> reply.accept(wire(m, query, tcp));
        Record question = query.getQuestion();
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            send.accept(DnsAnswers.reply(query, Rcode.NOTIMP));
            return;
        }
        if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
            send.accept(DnsAnswers.reply(query, Rcode.FORMERR));
            return;
        }
        String name = question.getName().toString(true);
        if (probe.seen(name)) {
            send.accept(DnsAnswers.block(query, List.of(InetAddress.getLoopbackAddress())));
            return;
        }
        Decision d = engine.decide(name);
        switch (d.action()) {
            case BLOCK -> send.accept(DnsAnswers.block(query, blockAddresses));
            case NXDOMAIN -> send.accept(DnsAnswers.reply(query, Rcode.NXDOMAIN));
            case REWRITE -> rewrite(query, d.rewriteTo(), tcp, send);
            case ALLOW -> lookup(question, tcp).whenComplete((answer, error) -> send.accept(
                    error == null ? DnsAnswers.forwarded(query, answer) : DnsAnswers.reply(query, Rcode.SERVFAIL)));
        }
    }

    private void rewrite(Message query, String target, boolean tcp, Consumer<Message> send) {
        Name targetName;
        try {
            targetName = Name.fromString(target, Name.root);
        } catch (TextParseException e) {
            send.accept(DnsAnswers.reply(query, Rcode.SERVFAIL));
            return;
        }
        Record targetQuestion = Record.newRecord(targetName, query.getQuestion().getType(), DClass.IN);
        lookup(targetQuestion, tcp).whenComplete((answer, error) ->
                send.accept(DnsAnswers.rewrite(query, targetName, error == null ? answer : null)));
    }

    /** From cache when fresh; else upstream (cached on success); stale cache when every upstream failed. */
    private CompletableFuture<Message> lookup(Record question, boolean tcp) {
        AnswerCache.Key key = AnswerCache.Key.of(question);
        Message fresh = cache.fresh(key);
        if (fresh != null) {
            return CompletableFuture.completedFuture(fresh);
        }
        return upstreams.send(Message.newQuery(question), tcp).handle((answer, error) -> {
            if (error == null) {
                cache.put(key, answer);
                return CompletableFuture.completedFuture(answer);
            }
            Message stale = cache.stale(key);
            if (stale != null) {
                return CompletableFuture.completedFuture(stale);
            }
            log.debug("no upstream answered {}: {}", question.getName(), error.toString());
            return CompletableFuture.<Message>failedFuture(error);
        }).thenCompose(f -> f);
    }

    private static byte[] wire(Message m, Message query, boolean tcp) {
        return tcp ? m.toWire(Message.MAXLENGTH) : m.toWire(DnsAnswers.udpLimit(query));
    }
}
