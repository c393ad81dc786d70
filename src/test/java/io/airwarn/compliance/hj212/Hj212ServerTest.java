package io.airwarn.compliance.hj212;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener on a real Vert.x with simulated devices on loopback. */
class Hj212ServerTest {

    private static final int DEVICES = 50;
    private static final int UPLOADS = 20;
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final LocalDateTime HOUR = LocalDateTime.of(2026, 12, 1, 0, 0);
    private static final Map<String, DeviceSimulator.HourValues> VALUES = Map.of(
            "a21026", new DeviceSimulator.HourValues(35.2, 37.7, 1.83, "N"),
            "a21002", new DeviceSimulator.HourValues(120.5, 129.1, 6.264, "N"),
            "a00000", new DeviceSimulator.HourValues(14.44, null, 51984.0, "N"));

    private static Vertx vertx;
    private static Hj212Server server;
    private static final FakeHandler HANDLER = new FakeHandler();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        for (int i = 0; i < DEVICES; i++) {
            HANDLER.register(mn(i), pw(i));
        }
        HANDLER.register("SPLIT0001", "123456").register("NOTICE0001", "123456").register("OLD2005001", "123456")
                .register("HALF0001", "123456").register("BOOM0001", "123456").register("LATE0001", "123456")
                .register(SampleFrames.MN, "123456").register("FAIL0001", "123456");
        HANDLER.throwing.put("BOOM0001", true);
        server = await(Hj212Server.start(vertx, 0, HANDLER, Hj212Server.Settings.defaults().withHost("127.0.0.1")
                .withIdleTimeout(Duration.ofSeconds(30)).withFrameTimeout(Duration.ofMillis(400))));
    }

    @AfterAll
    static void stop() throws Exception {
        await(server.close());
        await(vertx.close());
    }

    @Test
    void fiftyDevicesAreEachAnsweredOnceWhileOtherConnectionsSendMalformedFrames() throws Exception {
        int acceptedBefore = HANDLER.accepted.size();
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", server.port(), CLOCK);
             DeviceSimulator corpus = new DeviceSimulator("127.0.0.1", server.port(), CLOCK)) {
            for (int i = 0; i < DEVICES; i++) {
                devices.connect(mn(i), pw(i));
            }
            Map<String, byte[]> malformed = corpus();
            for (String name : malformed.keySet()) {
                corpus.connect(name, "123456");
            }
            ExecutorService pool = Executors.newFixedThreadPool(DEVICES + 1);
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                String mn = mn(i);
                work.add(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int u = 0; u < UPLOADS; u++) {
                        DeviceSimulator.Answer answer = devices.hourly(mn, HOUR.plusHours(u), VALUES);
                        if (answer == null || !answer.cn().equals("9014")) {
                            problems.add(mn + " upload " + u + ": " + (answer == null ? "no answer" : answer.reply()));
                        }
                    }
                    return problems;
                });
            }
            work.add(() -> {
                // Three rounds of the corpus, interleaved with the devices' uploads.
                for (int round = 0; round < 3; round++) {
                    for (Map.Entry<String, byte[]> entry : malformed.entrySet()) {
                        corpus.sendRaw(entry.getKey(), entry.getValue());
                    }
                    Thread.sleep(20);
                }
                return List.of();
            });
            List<String> problems = new ArrayList<>();
            for (var result : pool.invokeAll(work, 2, TimeUnit.MINUTES)) {
                problems.addAll(result.get());
            }
            pool.shutdown();
            assertEquals(List.of(), problems);

            // Exactly once: nothing else came, and nothing more comes.
            for (int i = 0; i < DEVICES; i++) {
                assertEquals(List.of(), devices.unexpected(mn(i)));
            }
            for (int i = 0; i < DEVICES; i++) {
                assertNull(devices.nextFrame(mn(i), Duration.ofMillis(i == 0 ? 300 : 5)), mn(i));
            }
            assertEquals(DEVICES * UPLOADS, HANDLER.accepted.size() - acceptedBefore);
            Set<String> uploads = new HashSet<>();
            HANDLER.accepted.stream().skip(acceptedBefore).forEach(m -> uploads.add(m.mn() + " " + m.dataTime()));
            assertEquals(DEVICES * UPLOADS, uploads.size(), "each upload once");

            // The malformed ones: none accepted; unknown MN and wrong PW told so, three times each.
            for (String name : List.of("crc", "length", "oversized", "garbage", "version", "malformed")) {
                assertNull(corpus.nextFrame(name, QUIET), name);
            }
            for (int round = 0; round < 3; round++) {
                assertTrue(corpus.nextFrame("unknown-mn", QUIET).contains(";CN=9011;"));
                assertTrue(corpus.nextFrame("wrong-pw", QUIET).endsWith("CP=&&QnRtn=3&&"));
            }
            assertFalse(HANDLER.accepted.stream().anyMatch(m -> m.mn().equals("NOSUCHDEVICE01")));
            List<Refusal.Reason> reasons = HANDLER.reasons();
            for (Refusal.Reason reason : List.of(Refusal.Reason.BAD_CRC, Refusal.Reason.BAD_LENGTH,
                    Refusal.Reason.OVERSIZED, Refusal.Reason.GARBAGE, Refusal.Reason.UNKNOWN_MN,
                    Refusal.Reason.WRONG_PW, Refusal.Reason.UNKNOWN_VERSION, Refusal.Reason.MALFORMED)) {
                assertTrue(reasons.contains(reason), reason + " in " + reasons);
            }
            assertTrue(HANDLER.refused.stream().anyMatch(r -> r.refusal().reason() == Refusal.Reason.BAD_CRC
                    && mn(0).equals(r.mn())), "the bad CRC is filed under its device");

            // The listener and the malformed connections still serve.
            for (String name : malformed.keySet()) {
                String segment = DeviceSimulator.upload(corpus.nextQn(name), "2061", mn(1), pw(1),
                        HOUR.plusDays(1), VALUES);
                DeviceSimulator.Answer answer = corpus.exchange(name, segment);
                assertNotNull(answer, name);
                assertEquals("9014", answer.cn(), name);
            }
            try (DeviceSimulator late = new DeviceSimulator("127.0.0.1", server.port(), CLOCK)) {
                late.connect("LATE0001", "123456");
                assertEquals("9014", late.hourly("LATE0001", HOUR, VALUES).cn());
            }
        }
    }

    @Test
    void aHandlerThatThrowsCostsOnlyItsFrame() throws Exception {
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", server.port(), CLOCK)) {
            devices.connect("BOOM0001", "123456");
            devices.connect(mn(2), pw(2));
            long failures = server.counters().handlerFailures();
            devices.send("BOOM0001", DeviceSimulator.upload(devices.nextQn("BOOM0001"), "2061", "BOOM0001", "123456",
                    HOUR, VALUES));
            assertNull(devices.nextFrame("BOOM0001", QUIET), "not answered, so the device resends");
            assertEquals(failures + 1, server.counters().handlerFailures());
            assertEquals("9014", devices.hourly(mn(2), HOUR.plusYears(1), VALUES).cn());
            // The same connection goes on with another device's frames.
            String segment = DeviceSimulator.upload(devices.nextQn("BOOM0001"), "2061", mn(3), pw(3), HOUR.plusYears(1),
                    VALUES);
            assertEquals("9014", devices.exchange("BOOM0001", segment).cn());
        }
    }

    @Test
    void anUploadTheHandlerCouldNotKeepIsNotAnswered() throws Exception {
        HANDLER.throwing.put("accept FAIL0001", true);
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", server.port(), CLOCK)) {
            devices.connect("FAIL0001", "123456");
            long failures = server.counters().handlerFailures();
            devices.send("FAIL0001", DeviceSimulator.upload(devices.nextQn("FAIL0001"), "2061", "FAIL0001", "123456",
                    HOUR, VALUES));
            assertNull(devices.nextFrame("FAIL0001", QUIET), "not kept, not answered: the device resends");
            assertEquals(failures + 1, server.counters().handlerFailures());
            HANDLER.throwing.remove("accept FAIL0001");
            assertEquals("9014", devices.hourly("FAIL0001", HOUR, VALUES).cn(), "the resend is");
        } finally {
            HANDLER.throwing.remove("accept FAIL0001");
        }
    }

    @Test
    void splitUploadIsAnsweredPerPacketAndPassedOnOnce() throws Exception {
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", server.port(), CLOCK)) {
            devices.connect("SPLIT0001", "123456");
            String header = ";ST=31;CN=2061;PW=123456;MN=SPLIT0001;Flag=7;PNUM=2;PNO=";
            String first = "QN=" + devices.nextQn("SPLIT0001") + header + "1;CP=&&DataTime=20261201100000;"
                    + "a21026-Avg=35.2,a21026-Flag=N&&";
            String second = "QN=" + devices.nextQn("SPLIT0001") + header + "2;CP=&&DataTime=20261201100000;"
                    + "a21002-Avg=120.5,a21002-Flag=N&&";
            assertEquals("9014", devices.exchange("SPLIT0001", first).cn());
            assertTrue(HANDLER.accepted.stream().noneMatch(m -> m.mn().equals("SPLIT0001")));
            assertEquals("9014", devices.exchange("SPLIT0001", second).cn());
            List<Message> merged = HANDLER.accepted.stream().filter(m -> m.mn().equals("SPLIT0001")).toList();
            assertEquals(1, merged.size());
            assertEquals(List.of("a21026", "a21002"), merged.get(0).items().stream().map(Message.Item::code).toList());
        }
    }

    @Test
    void noticesAnd2005Frames() throws Exception {
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", server.port(), CLOCK)) {
            devices.connect("NOTICE0001", "123456");
            String notice = "QN=" + devices.nextQn("NOTICE0001") + ";ST=31;CN=1013;PW=123456;MN=NOTICE0001;Flag=5;"
                    + "CP=&&&&";
            assertEquals("9013", devices.exchange("NOTICE0001", notice).cn());
            devices.connect("OLD2005001", "123456");
            devices.send("OLD2005001", "ST=32;CN=2011;PW=123456;MN=OLD2005001;CP=&&DataTime=20261201100500;"
                    + "02-Rtd=35.2,02-Flag=N&&");
            assertNull(devices.nextFrame("OLD2005001", QUIET), "2005 frames are not answered");
            Message old = HANDLER.accepted.stream().filter(m -> m.mn().equals("OLD2005001")).findFirst().orElseThrow();
            assertEquals(Message.Version.HJ212_2005, old.version());
            assertEquals("a21026", old.items().get(0).code());
        }
    }

    @Test
    void aHalfFrameIsGivenUpAfterTheFrameTimeout() throws Exception {
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", server.port(), CLOCK)) {
            devices.connect("HALF0001", "123456");
            byte[] frame = FrameEncoder.encode(DeviceSimulator.upload(devices.nextQn("HALF0001"), "2061", "HALF0001",
                    "123456", HOUR, VALUES));
            devices.sendRaw("HALF0001", Arrays.copyOf(frame, 100));
            waitFor(() -> HANDLER.refused.stream().anyMatch(r -> "HALF0001".equals(r.mn())
                    && r.refusal().reason() == Refusal.Reason.INCOMPLETE), Duration.ofSeconds(5));
            assertEquals("9014", devices.hourly("HALF0001", HOUR, VALUES).cn());
        }
    }

    @Test
    void anIdleConnectionIsClosedAndABusyOneIsNot() throws Exception {
        Hj212Server quick = await(Hj212Server.start(vertx, 0, HANDLER, Hj212Server.Settings.defaults()
                .withHost("127.0.0.1").withIdleTimeout(Duration.ofMillis(400))));
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", quick.port(), CLOCK)) {
            devices.connect("idle", "123456");
            devices.connect(mn(4), pw(4));
            waitFor(() -> quick.connections() == 2, Duration.ofSeconds(5));
            long start = System.nanoTime();
            for (int u = 0; u < 8; u++) {
                assertEquals("9014", devices.hourly(mn(4), HOUR.plusHours(u), VALUES).cn());
                Thread.sleep(150);
            }
            assertTrue(devices.closedByPeer("idle", Duration.ofSeconds(1)));
            assertTrue(System.nanoTime() - start > Duration.ofMillis(400).toNanos());
            assertEquals(1, quick.counters().idleClosed());
            assertEquals("9014", devices.hourly(mn(4), HOUR.plusDays(2), VALUES).cn(), "the busy one stays");
        } finally {
            await(quick.close());
        }
    }

    @Test
    void severalEventLoopsShareThePort() throws Exception {
        Hj212Server shared = await(Hj212Server.start(vertx, 0, HANDLER, Hj212Server.Settings.defaults()
                .withHost("127.0.0.1").withInstances(2)));
        try (DeviceSimulator devices = new DeviceSimulator("127.0.0.1", shared.port(), CLOCK)) {
            for (int i = 10; i < 20; i++) {
                devices.connect(mn(i), pw(i));
            }
            for (int i = 10; i < 20; i++) {
                assertEquals("9014", devices.hourly(mn(i), HOUR.plusYears(2), VALUES).cn());
            }
            assertEquals(10, shared.connections());
        } finally {
            await(shared.close());
        }
    }

    @Test
    void overTls(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl makes the test certificate");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Process openssl = new ProcessBuilder("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost")
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertEquals(0, openssl.waitFor());
        Hj212Server tls = await(Hj212Server.start(vertx, 0, HANDLER, Hj212Server.Settings.defaults()
                .withHost("127.0.0.1").withTls(key.toString(), cert.toString())));
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", tls.port())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(SampleFrames.bytes(SampleFrames.HOURLY + "\r\n"));
                InputStream in = socket.getInputStream();
                byte[] reply = new byte[SampleFrames.DATA_RESPONSE.length() + 2];
                int read = 0;
                while (read < reply.length) {
                    int n = in.read(reply, read, reply.length - read);
                    assertTrue(n > 0);
                    read += n;
                }
                assertEquals(SampleFrames.DATA_RESPONSE + "\r\n", new String(reply, StandardCharsets.US_ASCII));
            }
        } finally {
            await(tls.close());
        }
    }

    /** Malformed frames by the name of the connection that sends them. */
    private static Map<String, byte[]> corpus() {
        String good = DeviceSimulator.upload("20261201110002345", "2061", mn(0), pw(0), HOUR, VALUES);
        String goodFrame = SampleFrames.text(FrameEncoder.encode(good));
        String badCrc = goodFrame.substring(0, goodFrame.length() - 6) + "0000\r\n";
        int length = Integer.parseInt(goodFrame.substring(2, 6));
        String badLength = String.format("##%04d", length + 2) + goodFrame.substring(6);
        String oversized = SampleFrames.text(FrameEncoder.encode(good.replace("CP=&&", "CP=&&Info=" + "x".repeat(1100)
                + ";")));
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("crc", SampleFrames.bytes(badCrc));
        corpus.put("length", SampleFrames.bytes(badLength));
        corpus.put("oversized", SampleFrames.bytes(oversized));
        corpus.put("garbage", SampleFrames.bytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        corpus.put("unknown-mn", FrameEncoder.encode(good.replace(mn(0), "NOSUCHDEVICE01")));
        corpus.put("wrong-pw", FrameEncoder.encode(good.replace("PW=" + pw(0), "PW=999999")));
        corpus.put("version", FrameEncoder.encode(good.replace("Flag=5", "Flag=13")));
        corpus.put("malformed", FrameEncoder.encode(good.replace("PW=" + pw(0), "PW=12345")));
        return corpus;
    }

    private static String mn(int i) {
        return String.format("3101120000B%013d", i);
    }

    private static String pw(int i) {
        return String.format("pw%04d", i);
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + timeout);
            Thread.sleep(10);
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
