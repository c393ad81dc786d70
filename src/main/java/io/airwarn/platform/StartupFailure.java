package io.airwarn.platform;

import io.airwarn.core.ConfigurationException;
import io.airwarn.core.StartupException;

/** Finds the operator-facing reason in a failed startup's chain of exceptions. */
final class StartupFailure {

    private StartupFailure() {
    }

    static String explain(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException || t instanceof StartupException) {
                return t.getMessage();
            }
            root = t;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage()
                + " (run with QUARKUS_LOG_LEVEL=DEBUG for details)";
    }
}
