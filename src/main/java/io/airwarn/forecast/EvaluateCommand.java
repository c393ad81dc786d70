package io.airwarn.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: rolling-origin verification of the model against persistence and climatology. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score the forecast model against persistence and climatology on hourly UCI files "
                + "(rolling origin: refit before each test month). Daily AQI = the highest IAQI of PM2.5, PM10 and "
                + "O3-8h where the files have them (HJ 633-2012).")
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "Hourly file; repeat it or use a glob for several "
            + "stations of one city.")
    List<String> inputs;

    @Option(names = "--format", required = true, description = "prsa or five-cities")
    String format;

    @Option(names = "--pm25-columns", split = ",", description = "Columns whose mean is the hourly PM2.5 "
            + "(default: pm2.5 / PM2.5 for PRSA files, PM_US Post for five-cities).")
    List<String> pm25Columns = List.of();

    @Option(names = "--pollutants", split = ",", description = "Pollutants whose highest sub-index is the daily "
            + "AQI, forecast and scored: PM2_5 and any of PM10, O3_8H (default: all the files have).")
    List<ForecastPollutant> pollutants;

    @Option(names = "--train-until", required = true, description = "Last training day (YYYY-MM-DD); the test "
            + "period is everything after it.")
    LocalDate trainUntil;

    @Option(names = "--leads", split = ",", description = "Lead days (default 1,2,3).")
    List<Integer> leads = List.of(1, 2, 3);

    @Option(names = "--issue-hour", description = "Hour of the origin day the forecast is made at, 1..24: it "
            + "uses the hours before it (default 24: all of the origin day; the service runs at 7 and 15).")
    int issueHour = Predictors.WHOLE_DAY;

    @Option(names = "--met", description = "perfect (the target day's observed meteorology) or none (default "
            + "perfect).")
    String met = "perfect";

    @Option(names = "--heating-season", description = "MM-DD..MM-DD, or none (default).")
    String heatingSeason = "none";

    @Option(names = "--decision-probability", description = "Score the model's yes/no forecasts at P(AQI > 200) "
            + "(and > 300) reaching this probability (default: the probability each monthly fit chose on its "
            + "training days). The point forecast's scores are reported beside them as above200Point.")
    Double decisionProbability;

    @Option(names = "--out", description = "Also write the JSON report to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Predictors.MetMode mode = MetOption.parse(met);
        Predictors.HeatingSeason heating = Predictors.HeatingSeason.parse(heatingSeason);
        for (int lead : leads) {
            if (lead < 1 || lead > ForecastModel.MAX_LEAD) {
                throw new IllegalArgumentException("--leads must lie in 1.." + ForecastModel.MAX_LEAD + ", not " + lead);
            }
        }
        if (issueHour < 1 || issueHour > Predictors.WHOLE_DAY) {
            throw new IllegalArgumentException("--issue-hour must lie in 1..24, not " + issueHour);
        }
        List<Path> files = InputFiles.expand(inputs);
        HourlyFileReader.Result input = HourlyFileReader.read(files, format, pm25Columns);
        DailySeries all = new DailySeries(input.days(), Hj633.table());
        List<ForecastPollutant> chosen = pollutants == null ? List.copyOf(all.pollutants()) : pollutants;
        if (!chosen.contains(ForecastPollutant.PM2_5)) {
            throw new IllegalArgumentException("--pollutants must include PM2_5");
        }
        for (ForecastPollutant p : chosen) {
            if (!all.pollutants().contains(p)) {
                throw new IllegalArgumentException("--pollutants: the files have no " + p.label());
            }
        }
        DailySeries series = all.only(chosen);
        if (decisionProbability != null && (decisionProbability <= 0 || decisionProbability >= 1)) {
            throw new IllegalArgumentException("--decision-probability must lie strictly between 0 and 1");
        }
        RollingOriginEvaluation.Result result = RollingOriginEvaluation.run(series, trainUntil, leads, issueHour, mode,
                heating, decisionProbability);
        EvaluationReport report = new EvaluationReport(String.join(",", inputs), format,
                pm25Columns.isEmpty() ? null : pm25Columns, series.pollutants().stream().toList(), trainUntil.toString(), issueHour, met,
                mode == Predictors.MetMode.TARGET_DAY ? EvaluationReport.PERFECT_NOTE : EvaluationReport.NONE_NOTE,
                heating.toString(), decisionProbability, result.testDays(), result.leads());
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        System.out.println(json);
        if (out != null) {
            Files.writeString(out, json + System.lineSeparator());
        }
        return 0;
    }
}
