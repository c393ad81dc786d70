package io.airwarn.compliance.hj212;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The HJ 212 TCP listener: devices connect, upload frames and wait for the 9014. Each connection has its own
 * {@link FrameDecoder}; each frame is read, checked with the handler, passed on and answered as {@link ReplyPolicy}
 * says. One periodic sweep closes connections silent for longer than the idle timeout, gives up frames begun longer
 * than the frame timeout ago, and drops split uploads never completed.
 *
 * <p>Nothing a connection sends, nor any exception of the handler, reaches another connection: each connection's
 * work is caught and logged, and refusals are logged at most once a minute per device (or per address when no
 * device number could be read). Everything but this class is plain Java; this one knows Vert.x.
 */
public final class Hj212Server {

    private static final Logger LOG = Logger.getLogger(Hj212Server.class);
    private static final long LOG_PERIOD = TimeUnit.MINUTES.toNanos(1);
    private static final int SCRATCH = 16 * 1024;
    /** Event-loop threads copy each read into this, so a read allocates nothing of ours. */
    private static final ThreadLocal<byte[]> SCRATCH_BUFFER = ThreadLocal.withInitial(() -> new byte[SCRATCH]);

    private final Vertx vertx;
    private final Hj212Handler handler;
    private final Settings settings;
    private final Hj212Counters counters = new Hj212Counters();
    private final LogThrottle throttle = new LogThrottle(LOG_PERIOD, 10_000);
    private final SplitAssembler assembler;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final List<String> deployments = new CopyOnWriteArrayList<>();
    private volatile int port;
    private volatile long sweepTimer = -1;

    private Hj212Server(Vertx vertx, Hj212Handler handler, Settings settings) {
        this.vertx = vertx;
        this.handler = handler;
        this.settings = settings;
        this.assembler = new SplitAssembler(settings.splitExpiry(), 10_000);
    }

    /**
     * Listens on {@code port} (0: any free port, see {@link #port()}); completes once the listeners are bound. With
     * {@code settings.instances() > 1} the port is shared by that many event loops.
     */
    public static Future<Hj212Server> start(Vertx vertx, int port, Hj212Handler handler, Settings settings) {
        Hj212Server server = new Hj212Server(vertx, handler, settings);
        return server.listen(port).map(server);
    }

    /** The port listened on. */
    public int port() {
        return port;
    }

    public Hj212Counters counters() {
        return counters;
    }

    /** Connections open now. */
    public int connections() {
        return connections.size();
    }

    /** Stops listening and closes the connections. */
    public Future<Void> close() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        connections.forEach(c -> c.socket.close());
        return Future.all(deployments.stream().map(vertx::undeploy).toList()).mapEmpty();
    }

    private Future<Void> listen(int requested) {
        // Vert.x shares a listening socket between event loops for a fixed port, and for a negative one (a random
        // port shared under that key); port 0 alone would give each instance its own port.
        int listenPort = requested == 0 && settings.instances() > 1 ? -1 : requested;
        return vertx.deployVerticle(() -> new Listener(listenPort),
                new DeploymentOptions().setInstances(settings.instances())).onSuccess(id -> {
                    deployments.add(id);
                    long period = Math.max(20, Math.min(1000,
                            Math.min(settings.idleTimeout().toMillis(), settings.frameTimeout().toMillis()) / 4));
                    sweepTimer = vertx.setPeriodic(period, timer -> sweep());
                }).mapEmpty();
    }

    private NetServerOptions options(int listenPort) {
        NetServerOptions options = new NetServerOptions().setHost(settings.host()).setPort(listenPort)
                .setTcpNoDelay(true).setAcceptBacklog(4096);
        if (settings.tlsKeyPath() != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setKeyPath(settings.tlsKeyPath())
                    .setCertPath(settings.tlsCertPath()));
        }
        return options;
    }

    private void connected(NetSocket socket) {
        Connection connection = new Connection(socket, Vertx.currentContext());
        connections.add(connection);
        counters.countOpened();
        socket.handler(connection::received);
        socket.closeHandler(v -> {
            if (connections.remove(connection)) {
                counters.countClosed();
            }
        });
        socket.exceptionHandler(e -> {
            // Resets and TLS handshake failures are the peer's business: a line at debug level, then close.
            LOG.debugf("HJ 212 connection %s: %s", connection.remote, e.toString());
            socket.close();
        });
    }

    private void sweep() {
        long now = System.nanoTime();
        long idle = settings.idleTimeout().toNanos();
        long frame = settings.frameTimeout().toNanos();
        for (Connection c : connections) {
            if (now - c.lastRead > idle) {
                c.context.runOnContext(v -> c.closeIfIdle(idle));
            } else if (c.partialSince != 0 && now - c.partialSince > frame) {
                c.context.runOnContext(v -> c.expireIfStale(frame));
            }
        }
        for (SplitAssembler.Incomplete incomplete : assembler.expire(now)) {
            refused(incomplete.mn(), "", incomplete.refusal());
        }
    }

    private void refused(String mn, String remote, Refusal refusal) {
        counters.countRefused(refusal);
        String key = mn != null ? mn : host(remote);
        if (throttle.permit(key + " " + refusal.reason(), System.nanoTime())) {
            Logger.Level level = refusal.reason() == Refusal.Reason.IGNORED ? Logger.Level.DEBUG : Logger.Level.WARN;
            LOG.logf(level, "HJ 212 %s from %s%s: %s (logged once a minute for this device and reason)",
                    refusal.reason(), remote, mn == null ? "" : " MN " + mn, refusal.detail());
        }
        try {
            handler.refused(mn, remote, refusal);
        } catch (RuntimeException e) {
            handlerFailed("refused", mn, remote, e);
        }
    }

    private void handlerFailed(String method, String mn, String remote, Throwable e) {
        counters.countHandlerFailure();
        if (throttle.permit("handler " + method, System.nanoTime())) {
            LOG.errorf(e, "HJ 212 handler failed in %s for %s MN %s (logged once a minute)", method, remote, mn);
        }
    }

    private static String host(String remote) {
        int colon = remote.lastIndexOf(':');
        return colon > 0 ? remote.substring(0, colon) : remote;
    }

    /** One device connection; all but the sweep's reads happen on its event loop. */
    private final class Connection implements Consumer<Decoded> {

        final NetSocket socket;
        final Context context;
        final String remote;
        final FrameDecoder decoder;
        volatile long lastRead = System.nanoTime();
        /** When the frame now held in the decoder began; 0 when none. */
        volatile long partialSince;
        /** The last device number this connection sent, to log refusals that name none against it. */
        String mn;
        boolean emitted;
        boolean closing;

        Connection(NetSocket socket, Context context) {
            this.socket = socket;
            this.context = context;
            this.remote = String.valueOf(socket.remoteAddress());
            this.decoder = new FrameDecoder(settings.lenientLength() ? FrameDecoder.LENIENT_MAX_SEGMENT
                    : FrameDecoder.STRICT_MAX_SEGMENT, settings.maxBufferedBytes());
        }

        void received(Buffer data) {
            long now = System.nanoTime();
            lastRead = now;
            emitted = false;
            try {
                byte[] scratch = SCRATCH_BUFFER.get();
                int length = data.length();
                for (int at = 0; at < length; at += scratch.length) {
                    int n = Math.min(scratch.length, length - at);
                    data.getBytes(at, at + n, scratch, 0);
                    decoder.feed(scratch, 0, n, this);
                }
                partialSince = decoder.buffered() == 0 ? 0 : partialSince == 0 || emitted ? now : partialSince;
            } catch (RuntimeException e) {
                // A bug of ours on this connection's bytes: lose this connection, not the listener.
                LOG.errorf(e, "HJ 212 connection %s closed after an error", remote);
                socket.close();
            }
        }

        @Override
        public void accept(Decoded decoded) {
            emitted = true;
            if (decoded instanceof Frame frame) {
                frame(frame);
            } else if (decoded instanceof Refusal refusal) {
                refused(refusal.mn() != null ? refusal.mn() : mn, remote, refusal);
            }
        }

        private void frame(Frame frame) {
            counters.countFrame();
            Parsed parsed = SegmentParser.parse(frame.segment());
            if (parsed instanceof Refusal refusal) {
                refused(refusal.mn() != null ? refusal.mn() : mn, remote, refusal);
                return;
            }
            Message message = (Message) parsed;
            mn = message.mn();
            if (frame.raw().length - 10 > FrameDecoder.STRICT_MAX_SEGMENT
                    && throttle.permit(mn + " lenient", System.nanoTime())) {
                LOG.infof("HJ 212 MN %s sent a segment of %d bytes, over 1024, accepted as lenient", mn,
                        frame.raw().length - 10);
            }
            Hj212Handler.Check check;
            try {
                check = handler.device(message.mn(), message.pw());
            } catch (RuntimeException e) {
                handlerFailed("device", mn, remote, e);
                return;
            }
            if (check == null) {
                handlerFailed("device", mn, remote, new IllegalStateException("device check returned null"));
                return;
            }
            ReplyPolicy.Decision decision = ReplyPolicy.decide(message, check);
            if (!decision.accept()) {
                refused(mn, remote, decision.refusal());
                reply(decision.replies());
                return;
            }
            Optional<Message> whole = assembler.add(message, System.nanoTime());
            if (whole.isEmpty()) {
                // A packet of a split upload still missing others: acknowledged on its own.
                reply(decision.replies());
                return;
            }
            CompletionStage<Void> stored;
            try {
                stored = handler.accept(whole.get(), remote);
            } catch (RuntimeException e) {
                // Not answered: the device resends and the handler gets another chance.
                handlerFailed("accept", mn, remote, e);
                return;
            }
            // Answered only once the handler has the data safe (stored): a device told 9014 never resends them.
            String device = mn;
            stored.whenComplete((ok, failure) -> context.runOnContext(v -> {
                if (failure != null) {
                    handlerFailed("accept", device, remote, failure);
                } else {
                    accepted(decision.replies());
                }
            }));
        }

        private void accepted(List<byte[]> replies) {
            counters.countAccepted();
            reply(replies);
        }

        private void reply(List<byte[]> replies) {
            for (byte[] reply : replies) {
                socket.write(Buffer.buffer(reply));
                counters.countReply();
            }
            if (socket.writeQueueFull()) {
                // A peer that does not read its answers stops being read until it does.
                socket.pause();
                socket.drainHandler(v -> socket.resume());
            }
        }

        void closeIfIdle(long idle) {
            // The sweep may ask again before the close completes: count it once.
            if (!closing && System.nanoTime() - lastRead > idle) {
                closing = true;
                counters.countIdleClosed();
                LOG.debugf("HJ 212 connection %s (MN %s) closed after %s idle", remote, mn, settings.idleTimeout());
                socket.close();
            }
        }

        void expireIfStale(long frameTimeout) {
            long now = System.nanoTime();
            if (partialSince != 0 && now - partialSince > frameTimeout) {
                try {
                    decoder.expire(this);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "HJ 212 connection %s closed after an error", remote);
                    socket.close();
                }
                partialSince = decoder.buffered() == 0 ? 0 : now;
            }
        }
    }

    /** One listener instance on its own event loop. */
    private final class Listener extends AbstractVerticle {

        private final int listenPort;

        Listener(int listenPort) {
            this.listenPort = listenPort;
        }

        @Override
        public void start(Promise<Void> started) {
            NetServer server = vertx.createNetServer(options(listenPort));
            server.connectHandler(Hj212Server.this::connected);
            server.listen().onSuccess(s -> {
                port = s.actualPort();
                started.complete();
            }).onFailure(started::fail);
        }
    }

    /**
     * How the listener behaves. {@code idleTimeout}: a connection that sent nothing for this long is closed (devices
     * reconnect). {@code frameTimeout}: a frame begun this long ago and not finished is given up.
     * {@code splitExpiry}: a split upload missing packets this long is dropped. {@code lenientLength}: accept
     * segments up to 9999 bytes instead of 1024. {@code maxBufferedBytes}: the most one connection may hold.
     * {@code tlsKeyPath}/{@code tlsCertPath}: PEM files for TLS, both null for plain TCP. {@code instances}: event
     * loops sharing the port.
     */
    public record Settings(String host, Duration idleTimeout, Duration frameTimeout, Duration splitExpiry,
                           boolean lenientLength, int maxBufferedBytes, String tlsKeyPath, String tlsCertPath,
                           int instances) {

        public Settings {
            if (idleTimeout.isNegative() || idleTimeout.isZero() || frameTimeout.isNegative() || frameTimeout.isZero()
                    || splitExpiry.isNegative() || splitExpiry.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if ((tlsKeyPath == null) != (tlsCertPath == null)) {
                throw new IllegalArgumentException("TLS needs both a PEM key and a PEM certificate");
            }
            if (maxBufferedBytes < 6 + 4) {
                throw new IllegalArgumentException("maxBufferedBytes must hold at least an empty frame");
            }
            if (instances < 1) {
                throw new IllegalArgumentException("instances must be at least 1");
            }
        }

        /** All interfaces, 10 min idle, 30 s per frame, 5 min for split uploads, strict length, 16 KiB, no TLS. */
        public static Settings defaults() {
            return new Settings("0.0.0.0", Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(5),
                    false, FrameDecoder.DEFAULT_MAX_BUFFERED, null, null, 1);
        }

        public Settings withHost(String value) {
            return new Settings(value, idleTimeout, frameTimeout, splitExpiry, lenientLength, maxBufferedBytes,
                    tlsKeyPath, tlsCertPath, instances);
        }

        public Settings withIdleTimeout(Duration value) {
            return new Settings(host, value, frameTimeout, splitExpiry, lenientLength, maxBufferedBytes, tlsKeyPath,
                    tlsCertPath, instances);
        }

        public Settings withFrameTimeout(Duration value) {
            return new Settings(host, idleTimeout, value, splitExpiry, lenientLength, maxBufferedBytes, tlsKeyPath,
                    tlsCertPath, instances);
        }

        public Settings withSplitExpiry(Duration value) {
            return new Settings(host, idleTimeout, frameTimeout, value, lenientLength, maxBufferedBytes, tlsKeyPath,
                    tlsCertPath, instances);
        }

        public Settings withLenientLength(boolean value) {
            return new Settings(host, idleTimeout, frameTimeout, splitExpiry, value, maxBufferedBytes, tlsKeyPath,
                    tlsCertPath, instances);
        }

        public Settings withMaxBufferedBytes(int value) {
            return new Settings(host, idleTimeout, frameTimeout, splitExpiry, lenientLength, value, tlsKeyPath,
                    tlsCertPath, instances);
        }

        public Settings withTls(String keyPath, String certPath) {
            return new Settings(host, idleTimeout, frameTimeout, splitExpiry, lenientLength, maxBufferedBytes,
                    keyPath, certPath, instances);
        }

        public Settings withInstances(int value) {
            return new Settings(host, idleTimeout, frameTimeout, splitExpiry, lenientLength, maxBufferedBytes,
                    tlsKeyPath, tlsCertPath, value);
        }
    }
}
