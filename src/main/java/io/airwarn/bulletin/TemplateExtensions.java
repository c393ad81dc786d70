package io.airwarn.bulletin;

import io.airwarn.plan.WarningLevel;
import io.quarkus.qute.TemplateExtension;

/** What the pages need to show a level: {@code level.color}. */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {
    }

    static String color(WarningLevel level) {
        return Bulletin.color(level);
    }
}
