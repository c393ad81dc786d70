package io.airwarn.compliance.hj212;

import io.airwarn.core.BeijingTime;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stack monitoring devices played by a program, for tests, load tests and trying a platform: each device is one TCP
 * connection with its MN and PW, sending HJ 212-2017 frames and reading the answers. The per-device calls block
 * (one device per thread at a time); {@link #hourlyLoad} drives all devices at once from a few threads with NIO, each
 * device sending its next hourly upload as soon as its 9014 came, as devices do when they back-fill.
 *
 * <p>Plain java.net and NIO, no Vert.x, so it also runs against another platform. QNs come from the given clock, one
 * millisecond apart at least per device so that each exchange has its own.
 */
public final class DeviceSimulator implements AutoCloseable {

    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** How long a device waits for its answer (HJ 212-2017 6.5: 10 s, then it resends). */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

    private final InetSocketAddress address;
    private final Clock clock;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();

    public DeviceSimulator(String host, int port, Clock clock) {
        this.address = new InetSocketAddress(host, port);
        this.clock = clock;
    }

    /** The values of one pollutant for one interval; null fields are not sent. */
    public record HourValues(Double avg, Double zsAvg, Double cou, String flag) {
    }

    /**
     * The answer to a frame: the QN sent, the answer's data segment and the time from the write to the answer read.
     */
    public record Answer(String qn, String reply, long nanos) {

        public Duration roundTrip() {
            return Duration.ofNanos(nanos);
        }

        /** The answer's CN, e.g. "9014". */
        public String cn() {
            return field(reply, "CN");
        }
    }

    /**
     * What a load run achieved: answered uploads, over the seconds from the first write to the last answer, and the
     * time from a write to its 9014 (nanoseconds); uploads still unanswered 10 s after the end, and frames that were
     * not the awaited 9014.
     */
    public record LoadReport(long answered, double seconds, long p50Nanos, long p99Nanos, long maxNanos,
                             long unanswered, long unexpected) {

        public double framesPerSecond() {
            return answered / seconds;
        }
    }

    /** Opens the device's connection. */
    public void connect(String mn, String pw) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().setTcpNoDelay(true);
            channel.connect(address);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Device old = devices.put(mn, new Device(mn, pw, channel));
        if (old != null) {
            old.close();
        }
    }

    /** Opens a connection for each device, in the map's order. */
    public void connectAll(Map<String, String> passwordsByMn) throws IOException {
        for (Map.Entry<String, String> device : passwordsByMn.entrySet()) {
            connect(device.getKey(), device.getValue());
        }
    }

    public Set<String> devices() {
        return devices.keySet();
    }

    /** Uploads an hour (CN 2061, ST=31, Flag=5) beginning at {@code dataTime} and waits for the answer. */
    public Answer hourly(String mn, LocalDateTime dataTime, Map<String, HourValues> values) throws IOException {
        Device device = device(mn);
        return exchange(mn, upload(device.nextQn(), "2061", device.mn, device.pw, dataTime, values));
    }

    /** Uploads a minute (CN 2051, ST=31, Flag=5) and waits for the answer. */
    public Answer minute(String mn, LocalDateTime dataTime, Map<String, HourValues> values) throws IOException {
        Device device = device(mn);
        return exchange(mn, upload(device.nextQn(), "2051", device.mn, device.pw, dataTime, values));
    }

    /**
     * Sends the segment as a frame and waits (10 s at most) for the platform's frame with the same QN; frames with
     * other QNs met on the way are kept as {@link #unexpected}. Null when none came in time.
     */
    public Answer exchange(String mn, String segment) throws IOException {
        Device device = device(mn);
        String qn = field(segment, "QN");
        long sent = System.nanoTime();
        device.write(FrameEncoder.encode(segment));
        long deadline = sent + ANSWER_WAIT.toNanos();
        while (true) {
            String reply = device.next(deadline);
            if (reply == null) {
                return null;
            }
            if (qn != null && qn.equals(field(reply, "QN"))) {
                return new Answer(qn, reply, System.nanoTime() - sent);
            }
            device.unexpected.add(reply);
        }
    }

    /** A device's next QN (its clock, at least 1 ms after its last one), for segments built by the caller. */
    public String nextQn(String mn) {
        return device(mn).nextQn();
    }

    /** Sends bytes as they are: broken frames, garbage, halves of frames. */
    public void sendRaw(String mn, byte[] bytes) throws IOException {
        device(mn).write(bytes);
    }

    /** Sends a segment framed, without waiting for anything. */
    public void send(String mn, String segment) throws IOException {
        device(mn).write(FrameEncoder.encode(segment));
    }

    /** The data segment of the next frame the platform sends within {@code timeout}, or null. */
    public String nextFrame(String mn, Duration timeout) throws IOException {
        return device(mn).next(System.nanoTime() + timeout.toNanos());
    }

    /** Frames that came while waiting for another QN. */
    public List<String> unexpected(String mn) {
        return List.copyOf(device(mn).unexpected);
    }

    /** True when the platform closes the connection within {@code timeout}; frames sent meanwhile are skipped. */
    public boolean closedByPeer(String mn, Duration timeout) {
        Device device = device(mn);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                device.next(deadline);
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The data segment of an hourly or minute upload; for callers building their own frames. */
    public static String upload(String qn, String cn, String mn, String pw, LocalDateTime dataTime,
                                Map<String, HourValues> values) {
        StringBuilder segment = new StringBuilder(512).append("QN=").append(qn).append(";ST=31;CN=").append(cn)
                .append(";PW=").append(pw).append(";MN=").append(mn).append(";Flag=5;CP=&&DataTime=")
                .append(DATA_TIME.format(dataTime));
        values.forEach((code, v) -> {
            segment.append(';');
            int start = segment.length();
            append(segment, start, code, "Cou", v.cou());
            append(segment, start, code, "Avg", v.avg());
            append(segment, start, code, "ZsAvg", v.zsAvg());
            if (v.flag() != null) {
                segment.append(segment.length() > start ? "," : "").append(code).append("-Flag=").append(v.flag());
            }
        });
        return segment.append("&&").toString();
    }

    private static void append(StringBuilder segment, int start, String code, String field, Double value) {
        if (value != null) {
            segment.append(segment.length() > start ? "," : "").append(code).append('-').append(field).append('=')
                    .append(BigDecimal.valueOf(value).toPlainString());
        }
    }

    /**
     * All devices upload hours back to back for {@code duration}, from {@code firstHour} on, each the next one as
     * soon as its 9014 came, from {@code threads} threads; then waits up to 10 s for the answers still out. The
     * devices are usable one by one again afterwards.
     */
    public LoadReport hourlyLoad(Duration duration, int threads, LocalDateTime firstHour,
                                 Map<String, HourValues> values) throws IOException, InterruptedException {
        List<Device> all = new ArrayList<>(devices.values());
        List<LoadThread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long stopSending = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            List<Device> share = new ArrayList<>();
            for (int i = t; i < all.size(); i += threads) {
                share.add(all.get(i));
            }
            LoadThread worker = new LoadThread(share, stopSending, firstHour, values);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        long[] latencies = new long[0];
        long answered = 0;
        long unanswered = 0;
        long unexpected = 0;
        long lastAnswer = start;
        for (LoadThread worker : workers) {
            worker.join();
            if (worker.failure != null) {
                throw new IOException("load thread failed", worker.failure);
            }
            int before = latencies.length;
            latencies = Arrays.copyOf(latencies, before + worker.count);
            System.arraycopy(worker.latencies, 0, latencies, before, worker.count);
            answered += worker.count;
            unanswered += worker.outstanding;
            unexpected += worker.unexpected;
            lastAnswer = Math.max(lastAnswer, worker.lastAnswer);
        }
        double seconds = (lastAnswer - start) / 1e9;
        Arrays.sort(latencies);
        return new LoadReport(answered, seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1], unanswered, unexpected);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    @Override
    public void close() {
        devices.values().forEach(Device::close);
        devices.clear();
    }

    private Device device(String mn) {
        Device device = devices.get(mn);
        if (device == null) {
            throw new IllegalArgumentException("no device " + mn + " connected");
        }
        return device;
    }

    /** A header or CP field's value in a segment, or null. */
    static String field(String segment, String name) {
        int at = segment.startsWith(name + "=") ? 0 : segment.indexOf(";" + name + "=");
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + (at == 0 ? 1 : 2);
        int end = segment.indexOf(';', start);
        return segment.substring(start, end < 0 ? segment.length() : end);
    }

    private final class Device {
        final String mn;
        final String pw;
        final SocketChannel channel;
        final FrameDecoder decoder = new FrameDecoder(true);
        final ArrayDeque<String> frames = new ArrayDeque<>();
        final List<String> unexpected = new ArrayList<>();
        final byte[] readBuffer = new byte[4096];
        IOException refusal;
        LocalDateTime lastQn;
        InputStream in;

        Device(String mn, String pw, SocketChannel channel) {
            this.mn = mn;
            this.pw = pw;
            this.channel = channel;
        }

        String nextQn() {
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), BeijingTime.ZONE).truncatedTo(ChronoUnit.MILLIS);
            lastQn = lastQn == null || now.isAfter(lastQn) ? now : lastQn.plus(1, ChronoUnit.MILLIS);
            return QN.format(lastQn);
        }

        void write(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    Thread.onSpinWait();
                }
            }
        }

        /** The next frame's segment before the deadline, or null; IOException when the connection ended. */
        String next(long deadline) throws IOException {
            while (frames.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                if (in == null) {
                    in = channel.socket().getInputStream();
                }
                channel.socket().setSoTimeout((int) Math.max(1, left / 1_000_000));
                int n;
                try {
                    n = in.read(readBuffer);
                } catch (SocketTimeoutException e) {
                    return null;
                }
                if (n < 0) {
                    throw new EOFException("the platform closed the connection of " + mn);
                }
                decode(readBuffer, n);
            }
            return frames.poll();
        }

        void decode(byte[] bytes, int n) throws IOException {
            decoder.feed(bytes, 0, n, decoded -> {
                if (decoded instanceof Frame frame) {
                    frames.add(frame.segment());
                } else if (refusal == null) {
                    refusal = new IOException("the platform sent a bad frame: " + decoded);
                }
            });
            if (refusal != null) {
                IOException e = refusal;
                refusal = null;
                throw e;
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a simulated device: nothing left to do.
            }
        }
    }

    /** Drives a share of the devices with one selector. */
    private static final class LoadThread extends Thread {
        private static final AtomicLong NUMBER = new AtomicLong();

        final List<Device> devices;
        final long stopSending;
        final Map<String, HourValues> values;
        final LocalDateTime firstHour;
        long[] latencies = new long[1 << 16];
        int count;
        long outstanding;
        long unexpected;
        long lastAnswer;
        Throwable failure;

        LoadThread(List<Device> devices, long stopSending, LocalDateTime firstHour, Map<String, HourValues> values) {
            super("hj212-load-" + NUMBER.incrementAndGet());
            this.devices = devices;
            this.stopSending = stopSending;
            this.firstHour = firstHour;
            this.values = values;
        }

        @Override
        public void run() {
            ByteBuffer read = ByteBuffer.allocate(8192);
            Map<Device, Pending> pending = new HashMap<>();
            try (Selector selector = Selector.open()) {
                for (Device device : devices) {
                    device.channel.configureBlocking(false);
                    device.channel.register(selector, SelectionKey.OP_READ, device);
                }
                for (Device device : devices) {
                    pending.put(device, send(device, firstHour));
                }
                long giveUp = stopSending + ANSWER_WAIT.toNanos();
                while (!pending.isEmpty() && System.nanoTime() < giveUp) {
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Device device = (Device) key.attachment();
                        read.clear();
                        int n = device.channel.read(read);
                        if (n < 0) {
                            throw new EOFException("the platform closed the connection of " + device.mn);
                        }
                        device.decode(read.array(), n);
                        String reply;
                        while ((reply = device.frames.poll()) != null) {
                            Pending p = pending.get(device);
                            if (p == null || !p.qn.equals(field(reply, "QN")) || !"9014".equals(field(reply, "CN"))) {
                                unexpected++;
                                continue;
                            }
                            long now = System.nanoTime();
                            record(now - p.sentAt);
                            lastAnswer = now;
                            if (now < stopSending) {
                                pending.put(device, send(device, p.hour.plusHours(1)));
                            } else {
                                pending.remove(device);
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
                outstanding = pending.size();
            } catch (Throwable e) {
                failure = e;
            } finally {
                for (Device device : devices) {
                    try {
                        device.channel.configureBlocking(true);
                    } catch (IOException | RuntimeException e) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                }
            }
        }

        private Pending send(Device device, LocalDateTime hour) throws IOException {
            String qn = device.nextQn();
            byte[] frame = FrameEncoder.encode(upload(qn, "2061", device.mn, device.pw, hour, values));
            long sentAt = System.nanoTime();
            device.write(frame);
            return new Pending(qn, hour, sentAt);
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private record Pending(String qn, LocalDateTime hour, long sentAt) {
        }
    }
}
