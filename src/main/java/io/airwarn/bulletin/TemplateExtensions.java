package io.airwarn.bulletin;

import io.airwarn.plan.WarningLevel;
import io.quarkus.qute.TemplateExtension;

/** What the pages need: {@code level.color}, {@code probability.percent}. */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {
    }

    static String color(WarningLevel level) {
        return Bulletin.color(level);
    }

    /** A probability as a whole percentage: 0.374 is "37%". */
    static String percent(Double probability) {
        return Math.round(probability * 100) + "%";
    }
}
