package io.airwarn.platform;

import io.airwarn.core.ConfigurationException;
import io.airwarn.forecast.EvaluateCommand;
import io.airwarn.forecast.FitCommand;
import io.airwarn.notify.SandboxCommand;
import io.airwarn.plan.PlansCommand;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The commands the packaged jar runs without starting the server or a database. Errors are one line on stderr
 * and a non-zero exit code, never a stack trace.
 */
@Command(name = "airwarn", mixinStandardHelpOptions = true, subcommands = {FitCommand.class, EvaluateCommand.class, PlansCommand.class,
        SandboxCommand.class},
        description = "AirWarn commands. Without a command, the server starts.")
final class Commands {

    static final Set<String> NAMES = Set.of("fit", "evaluate", "plans", "sandbox", "--help", "-h");
    static final int USAGE_ERROR = 2;

    private Commands() {
    }

    static boolean isCommand(String... args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Commands());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("error: " + oneLine(e));
            return e instanceof IllegalArgumentException || e instanceof ConfigurationException ? USAGE_ERROR : 1;
        });
        return commandLine.execute(args);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}
