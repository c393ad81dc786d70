package io.airwarn.core;

/** AirWarn cannot start; the message tells the operator what to fix. Printed without a stack trace. */
public class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
