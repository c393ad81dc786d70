package io.airwarn.platform;

import java.util.List;

/** The one shape of every error AirWarn returns. */
public record ErrorResponse(String error, String message, List<?> details) {
}
