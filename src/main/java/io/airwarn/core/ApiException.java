package io.airwarn.core;

import java.util.List;

/**
 * A request AirWarn refuses, with the HTTP status, a stable error code and a message naming the problem.
 * Rendered as {@code {"error": code, "message": text, "details": [...]}}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<?> details;

    public ApiException(int status, String code, String message, List<?> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, List.of());
    }

    public static ApiException badRequest(String code, String message, List<?> details) {
        return new ApiException(400, code, message, details);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<?> details() {
        return details;
    }
}
