package io.airwarn.compliance.hj212;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the packets of a split upload (Flag D, PNUM/PNO) into one message. Packets are matched on MN, CN and
 * DataTime, not QN: each packet is a whole frame with its own QN (hj212.md §4). A set still missing packets after
 * {@code expiry} is dropped and reported; the caller acknowledges each packet on its own whatever happens here.
 *
 * <p>Time is the caller's monotonic nanoseconds (System.nanoTime in the server), so tests move it freely.
 * Thread-safe: one assembler serves all connections, since a device may reconnect between packets.
 */
public final class SplitAssembler {

    private final long expiryNanos;
    private final int maxOpenSets;
    private final Map<Key, OpenSet> open = new LinkedHashMap<>();
    private final List<Incomplete> dropped = new ArrayList<>();

    /** {@code maxOpenSets} bounds the memory a device sending sets it never finishes can take. */
    public SplitAssembler(Duration expiry, int maxOpenSets) {
        if (expiry.isNegative() || expiry.isZero() || maxOpenSets < 1) {
            throw new IllegalArgumentException("expiry must be positive and maxOpenSets at least 1");
        }
        this.expiryNanos = expiry.toNanos();
        this.maxOpenSets = maxOpenSets;
    }

    /**
     * The whole message when this packet completes its set, or the message itself when it is not split; empty while
     * packets are missing, and for a packet already received (a resend).
     */
    public synchronized Optional<Message> add(Message packet, long nowNanos) {
        if (!packet.split() || packet.pnum() == null || packet.pno() == null) {
            return Optional.of(packet);
        }
        Key key = new Key(packet.mn(), packet.cn(), packet.dataTime());
        OpenSet set = open.get(key);
        if (set != null && set.parts.length != packet.pnum()) {
            // The device started over with another packet count: the old set will not complete.
            drop(key, set);
            set = null;
        }
        if (set == null) {
            if (open.size() >= maxOpenSets) {
                Iterator<Map.Entry<Key, OpenSet>> oldest = open.entrySet().iterator();
                Map.Entry<Key, OpenSet> first = oldest.next();
                dropped.add(first.getValue().incomplete(first.getKey()));
                oldest.remove();
            }
            set = new OpenSet(packet.pnum(), nowNanos);
            open.put(key, set);
        }
        int index = packet.pno() - 1;
        if (set.parts[index] != null) {
            return Optional.empty();
        }
        set.parts[index] = packet;
        set.received++;
        if (set.received < set.parts.length) {
            return Optional.empty();
        }
        open.remove(key);
        return Optional.of(merge(set.parts));
    }

    /** The sets that waited longer than the expiry (or were pushed out), forgotten now. */
    public synchronized List<Incomplete> expire(long nowNanos) {
        Iterator<Map.Entry<Key, OpenSet>> sets = open.entrySet().iterator();
        while (sets.hasNext()) {
            Map.Entry<Key, OpenSet> entry = sets.next();
            if (nowNanos - entry.getValue().firstNanos > expiryNanos) {
                dropped.add(entry.getValue().incomplete(entry.getKey()));
                sets.remove();
            }
        }
        List<Incomplete> result = List.copyOf(dropped);
        dropped.clear();
        return result;
    }

    /** Sets waiting for packets. */
    public synchronized int openSets() {
        return open.size();
    }

    private void drop(Key key, OpenSet set) {
        open.remove(key);
        dropped.add(set.incomplete(key));
    }

    /**
     * The first packet's header without the split: Flag's D bit cleared, no PNUM/PNO. Items in packet order; an
     * item whose fields came in several packets is joined, the first value of a field counting.
     */
    private static Message merge(Message[] parts) {
        Message first = parts[0];
        Map<String, Map<String, String>> items = new LinkedHashMap<>();
        Map<String, String> cpFields = new LinkedHashMap<>();
        for (Message part : parts) {
            for (Message.Item item : part.items()) {
                Map<String, String> fields = items.computeIfAbsent(item.code(), c -> new LinkedHashMap<>());
                item.fields().forEach(fields::putIfAbsent);
            }
            part.cpFields().forEach(cpFields::putIfAbsent);
        }
        List<Message.Item> merged = new ArrayList<>(items.size());
        items.forEach((code, fields) -> merged.add(new Message.Item(code, fields)));
        return new Message(first.qn(), first.st(), first.cn(), first.pw(), first.mn(),
                first.flag() & ~Message.FLAG_SPLIT, null, null, first.version(), first.dataTime(), merged, cpFields);
    }

    /** A set given up: which upload, and how many of its packets came. */
    public record Incomplete(String mn, String cn, LocalDateTime dataTime, int received, int expected) {

        public Refusal refusal() {
            return new Refusal(Refusal.Reason.INCOMPLETE, "split " + cn + " upload at " + dataTime + ": " + received
                    + " of " + expected + " packets", mn);
        }
    }

    private record Key(String mn, String cn, LocalDateTime dataTime) {
    }

    private static final class OpenSet {
        final Message[] parts;
        final long firstNanos;
        int received;

        OpenSet(int count, long firstNanos) {
            this.parts = new Message[count];
            this.firstNanos = firstNanos;
        }

        Incomplete incomplete(Key key) {
            return new Incomplete(key.mn(), key.cn(), key.dataTime(), received, parts.length);
        }
    }
}
