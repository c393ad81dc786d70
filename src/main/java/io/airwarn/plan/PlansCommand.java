package io.airwarn.plan;

import io.airwarn.city.Cities;
import io.airwarn.city.CitiesReader;
import io.airwarn.core.ConfigFiles;
import io.airwarn.core.WarningLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plans validate [DIR]}: checks every plan folder without the server or a database. */
@Command(name = "plans", mixinStandardHelpOptions = true, description = "Contingency plan commands.",
        subcommands = PlansCommand.Validate.class)
public class PlansCommand {

    /** Exit code when a plan is invalid. */
    static final int INVALID = 1;

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate the plan folders of DIR (default contingency-plans): every problem with file, "
                    + "line and field, and the reduction check per level and pollutant. Exit 1 if a plan is invalid.")
    static class Validate implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", description = "The plans directory.")
        Path directory = Path.of("contingency-plans");

        @Override
        public Integer call() {
            ConfigFiles config = new ConfigFiles(Path.of(System.getenv().getOrDefault("AIRWARN_CONFIG_DIR", "config")));
            Cities cities = config.read("cities.yaml", CitiesReader::read);
            Map<WarningLevel, Double> minimum = config.read("emission-reduction.yaml", ReductionRequirements::read);
            List<PlanFolders.Checked> checked = PlanFolders.check(directory, c -> cities.find(c).isPresent(), minimum);
            if (checked.isEmpty()) {
                throw new IllegalArgumentException(directory + " holds no plan folder (a folder with plan.yaml)");
            }
            boolean allValid = true;
            for (PlanFolders.Checked c : checked) {
                PlanReport r = c.report();
                allValid &= r.valid();
                System.out.printf("%s: %s (unit %s, version %s%s, %d enterprises, %d schools, %d errors, %d warnings)%n",
                        r.folder(), r.valid() ? "valid" : "INVALID", r.unit(), r.version(), r.sample() ? ", SAMPLE" : "",
                        r.enterprises(), r.schools(), r.errors(), r.problems().size() - r.errors());
                r.problems().forEach(p -> System.out.println("  " + r.folder() + "/" + p));
                for (WarningLevel level : WarningLevel.RESPONSE_LEVELS) {
                    StringBuilder line = new StringBuilder("  " + level + " cuts:");
                    r.reductions().stream().filter(x -> x.level() == level).forEach(x -> line.append(String.format(
                            " %s %.1f%%%s", x.pollutant(), 100 * x.achievedShare(), x.met() ? "" : " (SHORT)")));
                    System.out.println(line);
                }
            }
            return allValid ? 0 : INVALID;
        }
    }
}
