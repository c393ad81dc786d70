package io.airwarn.bulletin;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/**
 * Figures that may be missing, for the templates: {@code {fmt:percent(x)}} and {@code {fmt:decimal(x)}} show a dash
 * for none (a property of a null value would be a rendering error).
 */
@TemplateExtension(namespace = "fmt")
final class Formats {

    private Formats() {
    }

    /** A share as a whole percentage: 0.374 is "37%". */
    static String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + "%";
    }

    /** One decimal. */
    static String decimal(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }
}
