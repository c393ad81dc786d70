package io.airwarn.platform;

import io.airwarn.core.DataDirectory;
import io.airwarn.core.SandboxAccount;
import io.airwarn.core.StartupException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry point of {@code quarkus-run.jar}. Without an external database it starts the embedded PostgreSQL first,
 * points Quarkus at it, and stops it only after Quarkus has shut down.
 */
@QuarkusMain
public final class AirWarnMain {

    private AirWarnMain() {
    }

    public static void main(String... args) {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args));
        }
        try {
            System.exit(serve(args));
        } catch (StartupException e) {
            System.err.println("AirWarn cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int serve(String... args) {
        useLogFormat(System.getenv("AIRWARN_LOG_FORMAT"));
        Path dataDir = DataDirectory.path();
        // Before anything is written there: the installation's secrets live in it too.
        EmbeddedDatabase.checkUsable(dataDir);
        SandboxAccount.configure(dataDir);
        AuditKey.configure(dataDir);
        if (DatabaseSettings.externalConfigured()) {
            DatabaseSettings.checkExternalReachable();
            return runQuarkus(args);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("pg"), true);
        CountDownLatch quarkusStopped = new CountDownLatch(1);
        // On SIGTERM Quarkus stops in its own shutdown hook; the database must outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitQuietly(quarkusStopped);
            database.close();
        }, "airwarn-embedded-postgres-stop"));
        DatabaseSettings.useEmbedded(database);
        try {
            return runQuarkus(args);
        } finally {
            quarkusStopped.countDown();
            database.close();
        }
    }

    private static int runQuarkus(String... args) {
        AtomicInteger exitCode = new AtomicInteger();
        Quarkus.run(ServeApplication.class, (code, failure) -> {
            exitCode.set(code);
            if (failure != null) {
                System.err.println("AirWarn cannot start: " + StartupFailure.explain(failure));
            }
        }, args);
        return exitCode.get();
    }

    /** {@code AIRWARN_LOG_FORMAT}: {@code text} (the default) or {@code json}, one object per line for a collector. */
    static void useLogFormat(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("text")) {
            return;
        }
        if (!format.equalsIgnoreCase("json")) {
            throw new StartupException("AIRWARN_LOG_FORMAT must be \"text\" or \"json\", not \"" + format + "\".");
        }
        System.setProperty("quarkus.log.console.json.enabled", "true");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
