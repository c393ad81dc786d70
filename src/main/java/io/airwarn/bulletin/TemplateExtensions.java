package io.airwarn.bulletin;

import io.airwarn.core.BeijingTime;
import io.airwarn.core.Terms;
import io.airwarn.core.WarningLevel;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What the pages need: {@code level.color}, {@code time.beijing}, {@code probability.percent}, {@code code.term}.
 */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {
    }

    static String color(WarningLevel level) {
        return Bulletin.color(level);
    }

    /** A time as Beijing time to the minute, as every page shows times: "2026-12-01 07:00". */
    static String beijing(OffsetDateTime time) {
        return time == null ? "" : BeijingTime.minute(time);
    }

    /** A time the API gives as ISO-8601 with its offset, as pages show it: "2026-12-01 07:00" (Beijing). */
    static String beijing(Instant time) {
        return BeijingTime.minute(time.atOffset(ZoneOffset.UTC));
    }

    static String beijing(String isoWithOffset) {
        return BeijingTime.minute(isoWithOffset);
    }

    /** A probability as a whole percentage: 0.374 is "37%". */
    static String percent(Double probability) {
        return Math.round(probability * 100) + "%";
    }

    /** An order code's word for reports: {@code type.term} is 企业 for ENTERPRISE. */
    static String term(String code) {
        return Terms.zh(code);
    }

    /** A mean as reports show it: one decimal. */
    static String rounded(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
