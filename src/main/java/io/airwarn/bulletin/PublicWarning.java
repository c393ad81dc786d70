package io.airwarn.bulletin;

import io.airwarn.core.WarningLevel;
import java.util.List;

/**
 * A warning in force as the public sees it: the unit, level, period (Beijing time), health advice and the main
 * measures of the unit's plan for the level (public health, vehicles, schools), with the CAP message behind it.
 * {@code onset}, {@code expectedEnd} and {@code updated} (when the message was published) are ISO-8601 in Beijing
 * time to the whole second with the offset, as every AirWarn API gives times: 2026-12-02T05:07:00+08:00.
 */
public record PublicWarning(String unit, String nameZh, String nameEn, WarningLevel level, String levelZh,
                            String levelEn, String color, String onset, String expectedEnd, String updated,
                            String healthAdviceZh, String healthAdviceEn, List<Measure> measures, String cap) {

    /** A measure of the plan; {@code text} is "中文 / English" as the plans write it. */
    public record Measure(String domain, String text) {
    }
}
