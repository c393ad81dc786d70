package io.airwarn.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.aqi.AqiCategory;
import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.airwarn.message.MessageTemplates;
import io.airwarn.plan.Plan;
import io.airwarn.plan.PlanRegistry;
import io.airwarn.warning.PublishedWarnings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public warnings: the latest published message of each warning in force, with its texts. Kept for
 * {@code AIRWARN_PUBLIC_CACHE} (5 s) so an episode's read traffic costs the database one query per node that often;
 * a change shows within that time.
 */
@ApplicationScoped
public class Bulletin {

    private static final Set<Plan.Domain> PUBLIC_DOMAINS = Set.of(Plan.Domain.PUBLIC_HEALTH, Plan.Domain.VEHICLES,
            Plan.Domain.SCHOOLS);
    private static final Map<WarningLevel, String> COLORS = Map.of(WarningLevel.BLUE, "#1E6FD9",
            WarningLevel.YELLOW, "#F2C200", WarningLevel.ORANGE, "#FF7E00", WarningLevel.RED, "#E00000",
            WarningLevel.NONE, "#9E9E9E");

    /** The warnings with the JSON they are served as and its entity tag. */
    public record Snapshot(List<PublicWarning> warnings, byte[] json, String etag, Instant at) {
    }

    private final PublishedWarnings published;
    private final Cities cities;
    private final PlanRegistry plans;
    private final MessageTemplates templates;
    private final ObjectMapper json;
    private final AtomicReference<Snapshot> cached = new AtomicReference<>();
    private final Duration fresh;
    private final Clock clock;

    Bulletin(PublishedWarnings published, Cities cities, PlanRegistry plans, MessageTemplates templates,
             ObjectMapper json, AirWarnConfig config, Clock clock) {
        this.fresh = config.publicCache();
        this.clock = clock;
        this.published = published;
        this.cities = cities;
        this.plans = plans;
        this.templates = templates;
        this.json = json;
    }

    public Uni<Snapshot> current() {
        Snapshot s = cached.get();
        if (s != null && s.at().plus(fresh).isAfter(clock.instant())) {
            return Uni.createFrom().item(s);
        }
        return published.current(false).map(messages -> {
            List<PublicWarning> warnings = messages.stream()
                    .filter(m -> m.type() != PublishedWarnings.Type.CANCEL).map(this::view).toList();
            Snapshot fresh = snapshot(warnings);
            cached.set(fresh);
            return fresh;
        });
    }

    /** The texts of a published message (for a cancel: of the level it lifted). */
    public PublicWarning view(PublishedWarnings.Message m) {
        City city = cities.find(m.city()).orElseThrow();
        AqiCategory advice = m.level() == WarningLevel.RED ? AqiCategory.SEVERELY_POLLUTED
                : AqiCategory.HEAVILY_POLLUTED;
        List<PublicWarning.Measure> measures = plans.catalog().plan(m.city()).map(p -> p.plan().measures().stream()
                .filter(x -> x.level() == m.level() && PUBLIC_DOMAINS.contains(x.domain()))
                .map(x -> new PublicWarning.Measure(x.domain().name(), x.text())).toList()).orElse(List.of());
        return new PublicWarning(city.code(), city.nameZh(), city.nameEn(), m.level(),
                templates.levelName("zh-CN", m.level()), templates.levelName("en", m.level()), color(m.level()),
                BeijingTime.withOffset(m.onset()), BeijingTime.withOffset(m.expectedEnd()),
                BeijingTime.withOffset(m.sent()), advice.adviceZh(), advice.adviceEn(),
                measures, "/cap/" + m.identifier() + ".xml");
    }

    public static String color(WarningLevel level) {
        return COLORS.get(level);
    }

    private Snapshot snapshot(List<PublicWarning> warnings) {
        try {
            byte[] body = json.writeValueAsBytes(warnings);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Snapshot(warnings, body, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"", clock.instant());
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot serialise the public warnings", e);
        }
    }

}
