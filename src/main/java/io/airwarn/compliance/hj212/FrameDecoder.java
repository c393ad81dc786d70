package io.airwarn.compliance.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts one connection's TCP byte stream into frames: {@code ##}, four decimal digits n, n bytes of data segment, four
 * hex digits of CRC, then an optional line end. TCP delivers frames split and glued together (even without line
 * ends), so the decoder keeps what it cannot finish yet and goes on at the next chunk.
 *
 * <p>On any failure it gives up the candidate and rescans from the next byte, not from after the bad frame: junk
 * ending in {@code #}, or a length field that is too long, would otherwise swallow the start of the next good frame.
 * The bytes it holds never exceed {@code maxBuffered}, because it only waits for frames whose declared size fits.
 *
 * <p>A frame in one chunk is decoded in place, so the usual case allocates only the frame's segment and raw copy;
 * the buffer is allocated when a chunk ends inside a frame. Not thread-safe: one decoder per connection, fed from
 * the connection's thread.
 */
public final class FrameDecoder {

    /** The standard's data segment limit (6.4.1). */
    public static final int STRICT_MAX_SEGMENT = 1024;
    /** What the four length digits can say, for devices that should have split their uploads but did not. */
    public static final int LENIENT_MAX_SEGMENT = 9999;
    public static final int DEFAULT_MAX_BUFFERED = 16 * 1024;

    private static final int HEADER = 6;
    private static final int CRC = 4;
    private static final int INITIAL_BUFFER = 2048;
    private static final int SAMPLE = 32;

    private final int maxSegment;
    private final int maxBuffered;

    private byte[] buffer;
    private int count;
    /** 0: nothing to skip; 1: a frame just ended, skip "\r\n" or "\n"; 2: its '\r' seen, skip '\n'. */
    private int lineEnd;
    /** The bytes that follow a refused frame are its remains, already reported; not garbage again. */
    private boolean afterRefusal;
    private int garbage;
    private String garbageSample;

    /** Strict: segments up to 1024 bytes. */
    public FrameDecoder() {
        this(false);
    }

    /** {@code lenient}: segments up to 9999 bytes, for devices known to send oversized uploads. */
    public FrameDecoder(boolean lenient) {
        this(lenient ? LENIENT_MAX_SEGMENT : STRICT_MAX_SEGMENT, DEFAULT_MAX_BUFFERED);
    }

    public FrameDecoder(int maxSegment, int maxBuffered) {
        if (maxSegment < 0 || maxSegment > LENIENT_MAX_SEGMENT) {
            throw new IllegalArgumentException("maxSegment must lie in 0.." + LENIENT_MAX_SEGMENT);
        }
        if (maxBuffered < HEADER + CRC) {
            throw new IllegalArgumentException("maxBuffered must hold at least an empty frame");
        }
        this.maxSegment = maxSegment;
        this.maxBuffered = maxBuffered;
    }

    /** Decodes what the chunk completes; each frame or refusal goes to {@code out}, in stream order. */
    public void feed(byte[] bytes, int offset, int length, Consumer<? super Decoded> out) {
        int end = offset + length;
        if (count == 0) {
            int stop = scan(bytes, offset, end, out);
            keep(bytes, stop, end - stop);
        } else {
            int at = offset;
            while (at < end) {
                // After a scan at most one unfinished frame remains, which fits the cap: take is never 0.
                int take = Math.min(end - at, maxBuffered - count);
                append(bytes, at, take);
                at += take;
                compact(scan(buffer, 0, count, out));
            }
        }
        flushGarbage(out);
    }

    public void feed(byte[] bytes, Consumer<? super Decoded> out) {
        feed(bytes, 0, bytes.length, out);
    }

    /** Bytes held for a frame not yet complete. */
    public int buffered() {
        return count;
    }

    /**
     * Gives up the frame begun in the buffer (the frame timeout passed): reports it INCOMPLETE and rescans the bytes
     * after its first one, which may hold whole frames that the wait for its declared length had swallowed.
     */
    public void expire(Consumer<? super Decoded> out) {
        if (count == 0) {
            return;
        }
        if (count < HEADER) {
            countGarbage(buffer, 0, count);
            count = 0;
        } else {
            int declared = length(buffer, 2);
            refuse(out, new Refusal(Refusal.Reason.INCOMPLETE, "frame of " + (HEADER + declared + CRC)
                    + " bytes declared, " + count + " received within the frame timeout",
                    peekMn(buffer, HEADER, count)));
            int rest = count - 1;
            System.arraycopy(buffer, 1, buffer, 0, rest);
            count = 0;
            int stop = scan(buffer, 0, rest, out);
            System.arraycopy(buffer, stop, buffer, 0, rest - stop);
            count = rest - stop;
        }
        flushGarbage(out);
    }

    /** Decodes a[from, to) and returns where the unfinished rest begins. */
    private int scan(byte[] a, int from, int to, Consumer<? super Decoded> out) {
        int pos = from;
        while (pos < to) {
            byte b = a[pos];
            if (lineEnd != 0) {
                if (lineEnd == 1 && b == '\r') {
                    lineEnd = 2;
                    pos++;
                    continue;
                }
                lineEnd = 0;
                if (b == '\n') {
                    pos++;
                    continue;
                }
            }
            if (b != '#') {
                skip(a, pos, to);
                pos++;
                continue;
            }
            if (pos + 1 == to) {
                break;
            }
            if (a[pos + 1] != '#') {
                skip(a, pos, to);
                pos++;
                continue;
            }
            if (pos + HEADER > to) {
                break;
            }
            int n = length(a, pos + 2);
            if (n < 0) {
                skip(a, pos, to);
                pos++;
                continue;
            }
            int total = HEADER + n + CRC;
            if (n > maxSegment || total > maxBuffered) {
                refuse(out, new Refusal(Refusal.Reason.OVERSIZED, n > maxSegment
                        ? "segment of " + n + " bytes over the limit of " + maxSegment
                        : "frame of " + total + " bytes over the buffer's " + maxBuffered,
                        peekMn(a, pos + HEADER, to)));
                pos++;
                continue;
            }
            if (pos + total > to) {
                break;
            }
            int crcAt = pos + HEADER + n;
            int declared = Hj212Crc.parseHex(a, crcAt);
            if (declared < 0) {
                refuse(out, new Refusal(Refusal.Reason.BAD_LENGTH, "length field says " + n
                        + " but no CRC follows at that point: '" + sample(a, crcAt, crcAt + CRC) + "'",
                        peekMn(a, pos + HEADER, crcAt)));
                pos++;
                continue;
            }
            int computed = Hj212Crc.of(a, pos + HEADER, n);
            if (declared != computed) {
                refuse(out, new Refusal(Refusal.Reason.BAD_CRC, "CRC " + sample(a, crcAt, crcAt + CRC)
                        + ", computed " + Hj212Crc.hex(computed), peekMn(a, pos + HEADER, crcAt)));
                pos++;
                continue;
            }
            flushGarbage(out);
            afterRefusal = false;
            out.accept(new Frame(new String(a, pos + HEADER, n, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(a, pos, pos + total)));
            pos += total;
            lineEnd = 1;
        }
        return pos;
    }

    /** The four decimal digits at {@code at}, or -1. */
    private static int length(byte[] a, int at) {
        int n = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = a[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            n = n * 10 + digit;
        }
        return n;
    }

    private void refuse(Consumer<? super Decoded> out, Refusal refusal) {
        flushGarbage(out);
        afterRefusal = true;
        out.accept(refusal);
    }

    private void skip(byte[] a, int pos, int to) {
        byte b = a[pos];
        if (afterRefusal || b == '\r' || b == '\n') {
            return;
        }
        if (garbage == 0) {
            garbageSample = sample(a, pos, Math.min(to, pos + SAMPLE));
        }
        garbage++;
    }

    private void countGarbage(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            skip(a, i, to);
        }
    }

    private void flushGarbage(Consumer<? super Decoded> out) {
        if (garbage > 0) {
            Refusal refusal = new Refusal(Refusal.Reason.GARBAGE, garbage + " bytes outside any frame: '"
                    + garbageSample + "'");
            garbage = 0;
            garbageSample = null;
            out.accept(refusal);
        }
    }

    /** The bytes as printable ASCII for a log line; anything else as '.'. */
    private static String sample(byte[] a, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            byte b = a[i];
            chars[i - from] = b >= 0x20 && b < 0x7F ? (char) b : '.';
        }
        return new String(chars);
    }

    /** The device number named in a refused frame's bytes ("MN=" at a field start, up to 24 characters), or null. */
    static String peekMn(byte[] a, int from, int to) {
        for (int i = from; i + 3 <= to; i++) {
            if (a[i] == 'M' && a[i + 1] == 'N' && a[i + 2] == '=' && (i == from || a[i - 1] == ';')) {
                int start = i + 3;
                int end = start;
                while (end < to && end - start <= 24 && SegmentParser.isMnChar(a[end])) {
                    end++;
                }
                boolean closed = end == to || a[end] == ';' || a[end] == '&';
                return end > start && end - start <= 24 && closed
                        ? new String(a, start, end - start, StandardCharsets.US_ASCII) : null;
            }
        }
        return null;
    }

    private void keep(byte[] bytes, int from, int n) {
        if (n == 0) {
            if (buffer != null && buffer.length > INITIAL_BUFFER) {
                buffer = null;
            }
            return;
        }
        ensure(n);
        System.arraycopy(bytes, from, buffer, 0, n);
        count = n;
    }

    private void append(byte[] bytes, int from, int n) {
        ensure(count + n);
        System.arraycopy(bytes, from, buffer, count, n);
        count += n;
    }

    private void compact(int stop) {
        if (stop > 0) {
            System.arraycopy(buffer, stop, buffer, 0, count - stop);
            count -= stop;
        }
        if (count == 0 && buffer.length > INITIAL_BUFFER) {
            // A lenient-size frame passed: do not keep 16 KiB for each of thousands of quiet connections.
            buffer = null;
        }
    }

    private void ensure(int capacity) {
        if (buffer == null || buffer.length < capacity) {
            int size = Math.min(maxBuffered, Math.max(capacity, buffer == null ? INITIAL_BUFFER : buffer.length * 2));
            buffer = buffer == null ? new byte[size] : Arrays.copyOf(buffer, size);
        }
    }
}
