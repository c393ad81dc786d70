package io.airwarn.compliance;

import io.airwarn.compliance.hj212.Hj212Handler;
import io.airwarn.compliance.hj212.LogThrottle;
import io.airwarn.compliance.hj212.Message;
import io.airwarn.compliance.hj212.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What AirWarn does with the stack monitors' frames: checks the device against the plans, stores hourly (2061) and
 * minute (2051) values with their data flags, and keeps the record of refusals: per registered device, and the
 * devices no plan names for the duty officer (each at most once a minute in the database).
 */
@ApplicationScoped
class StackFeed implements Hj212Handler {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String HOURLY = "2061";
    private static final String MINUTE = "2051";
    private static final Set<String> VALUE_FIELDS = Set.of("Avg", "ZsAvg", "Cou", "Rtd");
    private static final long RECORD_EVERY_NANOS = 60_000_000_000L;
    private static final int MAX_DEVICES = 100_000;
    private static final Set<String> COMMANDS = Set.of("2011", "2031", "2041", "2051", "2061", "1013", "9011", "9012",
            "9013", "9014");

    private final StackDevices devices;
    private final StackData data;
    private final StackWriter writer;
    private final MeterRegistry registry;
    private final Clock clock;
    /** Refusals per device not yet in the database, written at most once a minute per device. */
    private final Map<String, AtomicLong> unrecorded = new ConcurrentHashMap<>();
    private final LogThrottle recordEvery = new LogThrottle(RECORD_EVERY_NANOS, MAX_DEVICES);

    StackFeed(StackDevices devices, StackData data, StackWriter writer, MeterRegistry registry, Clock clock) {
        this.devices = devices;
        this.data = data;
        this.writer = writer;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Check device(String mn, String pw) {
        return switch (devices.check(mn, pw)) {
            case OK -> Check.OK;
            case UNKNOWN_MN -> Check.UNKNOWN_MN;
            case WRONG_PW -> Check.WRONG_PW;
        };
    }

    @Override
    public CompletionStage<Void> accept(Message message, String remote) {
        count("accepted", command(message.cn()));
        List<StackData.Value> values = values(message);
        return values.isEmpty() ? CompletableFuture.completedFuture(null) : writer.write(message.mn(), values);
    }

    /** The hourly or minute values of an upload; other commands are answered but not stored. */
    static List<StackData.Value> values(Message m) {
        boolean minute = MINUTE.equals(m.cn());
        if (!minute && !HOURLY.equals(m.cn()) || m.dataTime() == null) {
            return List.of();
        }
        OffsetDateTime at = m.dataTime().atZone(BEIJING).toOffsetDateTime();
        List<StackData.Value> values = new ArrayList<>();
        for (Message.Item item : m.items()) {
            if (item.fields().keySet().stream().anyMatch(VALUE_FIELDS::contains)) {
                Double avg = item.number("Avg") != null ? item.number("Avg") : item.number("Rtd");
                String flag = item.flag() == null ? "N" : item.flag();
                values.add(new StackData.Value(m.mn(), item.code(), at, minute, avg, item.number("ZsAvg"),
                        item.number("Cou"), flag));
            }
        }
        return values;
    }

    /**
     * Refusals are counted per device in memory and written at most once a minute per device (a broken or hostile
     * sender may send many a second); a device no plan names is listed for the duty officer.
     */
    @Override
    public void refused(String mn, String remote, Refusal refusal) {
        count("refused", refusal.reason().name());
        if (mn == null) {
            return;
        }
        AtomicLong pending = unrecorded.computeIfAbsent(mn, k -> new AtomicLong());
        long refusals = pending.incrementAndGet();
        if (!recordEvery.permit(mn, System.nanoTime())) {
            return;
        }
        pending.addAndGet(-refusals);
        boolean known = devices.device(mn).isPresent();
        var write = known ? data.refused(mn, refusals, refusal.reason().name())
                : data.unknown(mn, remote, refusals, OffsetDateTime.now(clock));
        write.subscribe().with(ignored -> { }, e -> Log.warnf("refusals of %s not recorded: %s", mn, e.getMessage()));
        if (unrecorded.size() > MAX_DEVICES) {
            unrecorded.values().removeIf(n -> n.get() == 0);
        }
    }

    private void count(String result, String detail) {
        Counter.builder("airwarn.hj212.frames").description("HJ 212 frames by result and command or refusal reason")
                .tag("result", result).tag("detail", detail).register(registry).increment();
    }

    /** Commands by name for the metric; anything else a device sends is "other" (labels stay few). */
    private static String command(String cn) {
        return COMMANDS.contains(cn) ? cn : "other";
    }
}
