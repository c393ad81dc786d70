package io.airwarn.platform;

import io.airwarn.backup.BackupCommand;
import io.airwarn.backup.DatabaseServers;
import io.airwarn.backup.RestoreCommand;
import io.airwarn.compliance.Hj212SimCommand;
import io.airwarn.core.ConfigurationException;
import io.airwarn.forecast.EvaluateCommand;
import io.airwarn.forecast.FitCommand;
import io.airwarn.notify.SandboxCommand;
import io.airwarn.plan.PlansCommand;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The commands the packaged jar runs without starting the server (backup and restore use the database, embedded or
 * external, and nothing else). Errors are one line on stderr and a non-zero exit code, never a stack trace.
 */
@Command(name = "airwarn", mixinStandardHelpOptions = true, subcommands = {FitCommand.class, EvaluateCommand.class, PlansCommand.class,
        SandboxCommand.class, Hj212SimCommand.class},
        description = "AirWarn commands. Without a command, the server starts.")
final class Commands {

    static final Set<String> NAMES = Set.of("fit", "evaluate", "plans", "sandbox", "backup", "restore", "hj212-sim",
            "--help", "-h");
    static final int USAGE_ERROR = 2;

    private Commands() {
    }

    static boolean isCommand(String... args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Commands());
        // The backup commands need the database, which this package owns: they are handed it rather than reach up.
        commandLine.addSubcommand(new BackupCommand(DATABASES));
        commandLine.addSubcommand(new RestoreCommand(DATABASES));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("error: " + oneLine(e));
            return e instanceof IllegalArgumentException || e instanceof ConfigurationException ? USAGE_ERROR : 1;
        });
        return commandLine.execute(args);
    }

    /** The external database of the Quarkus datasource settings, or the embedded server of a directory. */
    private static final DatabaseServers DATABASES = new DatabaseServers() {
        @Override
        public Optional<Account> external() {
            String url = DatabaseSettings.setting(DatabaseSettings.JDBC_URL);
            if (url == null) {
                return Optional.empty();
            }
            String user = DatabaseSettings.setting(DatabaseSettings.USERNAME);
            return Optional.of(new Account(url, user == null ? EmbeddedDatabase.USER : user,
                    DatabaseSettings.setting(DatabaseSettings.PASSWORD)));
        }

        @Override
        public Running startEmbedded(Path directory, boolean archiveWal) {
            EmbeddedDatabase database = EmbeddedDatabase.start(directory, true, 0,
                    archiveWal ? EmbeddedDatabase.walArchiveFromEnvironment() : null);
            Account account = new Account(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
            return new Running() {
                @Override
                public Account account() {
                    return account;
                }

                @Override
                public void close() {
                    database.close();
                }
            };
        }
    };

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}
