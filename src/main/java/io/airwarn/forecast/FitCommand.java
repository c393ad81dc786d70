package io.airwarn.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fit}: fits the forecast model on hourly UCI files and writes a model file. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the forecast model (PM2.5, and PM10 and O3-8h where the files have them; leads 1-7, with "
                + "and without meteorology) on hourly UCI files and "
                + "write it as a model file; its validation is a rolling-origin evaluation of the later days.")
public class FitCommand implements Callable<Integer> {

    /** Without --train-until, the last year of data is the validation period of the recorded skill. */
    static final int DEFAULT_VALIDATION_DAYS = 365;

    @Option(names = "--input", required = true, description = "Hourly file; repeat it or use a glob.")
    List<String> inputs;

    @Option(names = "--format", required = true, description = "prsa or five-cities")
    String format;

    @Option(names = "--pm25-columns", split = ",", description = "Columns whose mean is the hourly PM2.5.")
    List<String> pm25Columns = List.of();

    @Option(names = "--train-until", description = "Last training day; later days validate the model. "
            + "Default: fit on all days, validate (refitting monthly) on the last year.")
    LocalDate trainUntil;

    @Option(names = "--heating-season", description = "MM-DD..MM-DD, or none (default).")
    String heatingSeason = "none";

    @Option(names = "--issue-hours", split = ",", description = "Issue hours to fit, 1..24 (default 7,15,24: the "
            + "scheduled runs and the whole-day forecast).")
    List<Integer> issueHours = ModelFitting.DEFAULT_ISSUE_HOURS;

    @Option(names = "--id", required = true, description = "Model id, e.g. default or 220100.")
    String id;

    @Option(names = "--label", required = true, description = "What the model is, shown with every forecast.")
    String label;

    @Option(names = "--source", required = true, description = "Where the data come from (citation).")
    String source;

    @Option(names = "--out", required = true, description = "The model file to write (YAML).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Predictors.HeatingSeason heating = Predictors.HeatingSeason.parse(heatingSeason);
        List<Integer> hours = issueHours.stream().sorted().distinct().toList();
        if (!hours.contains(Predictors.WHOLE_DAY) || hours.get(0) < 1 || hours.get(hours.size() - 1) > 24) {
            throw new IllegalArgumentException("--issue-hours must lie in 1..24 and include 24");
        }
        List<Path> files = InputFiles.expand(inputs);
        HourlyFileReader.Result input = HourlyFileReader.read(files, format, pm25Columns);
        DailySeries series = new DailySeries(input.days(), Hj633.table());
        if (series.isEmpty()) {
            throw new IllegalArgumentException("the input has no days");
        }
        LocalDate lastTrainingDay = trainUntil != null ? trainUntil : series.lastDay();
        LocalDate validateAfter = trainUntil != null ? trainUntil : series.lastDay().minusDays(DEFAULT_VALIDATION_DAYS);
        ForecastModelFile.Validation validation = ModelFitting.validate(List.of(series), validateAfter, hours,
                heating);
        List<ForecastModelFile.Lead> leads = ModelFitting.fitLeads(List.of(series), lastTrainingDay, hours, heating);
        ForecastModelFile model = new ForecastModelFile(id, ForecastModel.TYPE, ForecastModel.FORMAT_VERSION, label,
                "external", ModelFitting.TARGET, new ForecastModelFile.TrainingData(source, format,
                pm25Columns.isEmpty() ? null : pm25Columns, files.stream().map(FitCommand::checksum).toList(), null,
                series.firstDay().toString(), lastTrainingDay.toString(), countDays(series, lastTrainingDay)),
                heating.toString(), input.format().meteorology(), ModelFitting.pollutantsOfLeads(leads), hours, leads,
                validation);
        ForecastModel.of(model, "new");
        ForecastModels.write(model, out);
        System.out.println("wrote " + out + " (" + model.trainingData().days() + " training days, validated on "
                + validation.period() + ")");
        return 0;
    }

    private static int countDays(DailySeries series, LocalDate last) {
        int n = 0;
        for (LocalDate d = series.firstDay(); !d.isAfter(last); d = d.plusDays(1)) {
            n += series.daily(ForecastPollutant.PM2_5, d) == null ? 0 : 1;
        }
        return n;
    }

    private static ForecastModelFile.SourceFile checksum(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return new ForecastModelFile.SourceFile(file.getFileName().toString(), HexFormat.of().formatHex(digest));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
