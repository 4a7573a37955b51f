package io.vigil.agent.filter.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Builds the answers the filter gives itself (blocks, NXDOMAIN, errors, rewrites) with dnsjava's records. */
final class DnsAnswers {

    /** Short, so a grant or a policy change reaches the browser within a minute. */
    static final long BLOCK_TTL = 60;
    static final long REWRITE_TTL = 300;
    /** What we advertise to EDNS clients: the DNS Flag Day 2020 size that avoids IP fragmentation. */
    static final int EDNS_PAYLOAD = 1232;

    private DnsAnswers() {
    }

    /** A response shell: same id and question, QR and RA set, RD echoed, OPT echoed for EDNS clients. */
    static Message reply(Message query, int rcode) {
        Message r = new Message(query.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        r.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getQuestion() != null) {
            r.addRecord(query.getQuestion(), Section.QUESTION);
        }
        if (query.getOPT() != null) {
            r.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        r.getHeader().setRcode(rcode);
        return r;
    }

    /** The block page's address for A (and AAAA when it has an IPv6 one); other types get no data. */
    static Message block(Message query, List<InetAddress> blockAddresses) {
        Message r = reply(query, Rcode.NOERROR);
        Name name = query.getQuestion().getName();
        int type = query.getQuestion().getType();
        for (InetAddress a : blockAddresses) {
            if (type == Type.A && a instanceof Inet4Address) {
                r.addRecord(new ARecord(name, DClass.IN, BLOCK_TTL, a), Section.ANSWER);
            } else if (type == Type.AAAA && a instanceof Inet6Address) {
                r.addRecord(new AAAARecord(name, DClass.IN, BLOCK_TTL, a), Section.ANSWER);
            }
        }
        return r;
    }

    /** A CNAME to {@code target}, followed by whatever the upstream said about the target (may be nothing). */
    static Message rewrite(Message query, Name target, Message targetAnswer) {
        Message r = reply(query, Rcode.NOERROR);
        r.addRecord(new CNAMERecord(query.getQuestion().getName(), DClass.IN, REWRITE_TTL, target), Section.ANSWER);
        if (targetAnswer != null && targetAnswer.getRcode() == Rcode.NOERROR) {
            targetAnswer.getSection(Section.ANSWER).forEach(rec -> r.addRecord(rec, Section.ANSWER));
        }
        return r;
    }

    /** An upstream answer re-addressed to this client's query id. */
    static Message forwarded(Message query, Message upstream) {
        Message r = upstream.clone();
        r.getHeader().setID(query.getHeader().getID());
        if (!query.getHeader().getFlag(Flags.RD)) {
            r.getHeader().unsetFlag(Flags.RD);
        }
        return r;
    }

    /**
     * FORMERR for bytes that are not a DNS message, if there is a header to answer to; {@code null} (drop)
     * when there is not, or when the packet claims to be a response (answering those invites loops).
     */
    static byte[] formErr(byte[] wire, int length) {
        if (length < 12 || (wire[2] & 0x80) != 0) {
            return null;
        }
        Message r = new Message(((wire[0] & 0xff) << 8) | (wire[1] & 0xff));
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setRcode(Rcode.FORMERR);
        return r.toWire();
    }

    /** The largest UDP answer this client accepts: 512 without EDNS, its advertised size (capped) with. */
    static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? 512 : Math.max(512, Math.min(opt.getPayloadSize(), 4096));
    }
}
