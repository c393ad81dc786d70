package io.airwarn.forecast;

import io.airwarn.observation.CityRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Running verification of a city's stored forecasts at one lead against the observed city daily AQI: each
 * verified day once, with the latest run that forecast it at this lead; yes/no as the model said it (the
 * expected AQI's scores beside them); Brier skill against the monthly
 * climatology of the city's observed days before the first verified day.
 */
@ApplicationScoped
public class ForecastVerification {

    /** Before any data this system could hold: the climatology's history starts here. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final ForecastStore store;
    private final CityRecords records;

    ForecastVerification(ForecastStore store, CityRecords records) {
        this.store = store;
        this.records = records;
    }

    /** A stored forecast of a day whose AQI was observed. */
    private record Verified(ForecastStore.StoredForecast forecast, int observed) {
    }

    public Uni<VerificationView> verify(String city, int lead) {
        return store.latestForecasts(city, lead).chain(stored -> stored.isEmpty()
                ? Uni.createFrom().item(List.<Verified>of())
                : records.aqiByDay(city, stored.get(0).day(), stored.get(stored.size() - 1).day())
                        .map(observed -> stored.stream().filter(f -> observed.containsKey(f.day()))
                                .map(f -> new Verified(f, observed.get(f.day()))).toList()))
                .chain(verified -> {
                    if (verified.isEmpty()) {
                        return Uni.createFrom().item(new VerificationView(city, lead, null, null,
                                VerificationView.OBSERVED, Score.of(List.of(), List.of())));
                    }
                    LocalDate first = verified.get(0).forecast().day();
                    LocalDate last = verified.get(verified.size() - 1).forecast().day();
                    return records.aqiByDay(city, EARLIEST, first.minusDays(1)).map(history -> {
                        List<Prediction> forecasts = new ArrayList<>();
                        List<Prediction> climatology = new ArrayList<>();
                        Climatology reference = history.isEmpty() ? null : new Climatology(history, first);
                        for (Verified v : verified) {
                            forecasts.add(v.forecast().against(v.observed()));
                            if (reference != null) {
                                climatology.add(reference.forecast(v.forecast().day(), v.observed()));
                            }
                        }
                        Score score = reference == null ? Score.of(forecasts, forecasts).withoutBrierSkill()
                                : Score.of(forecasts, climatology);
                        return new VerificationView(city, lead, first.toString(), last.toString(),
                                VerificationView.OBSERVED, score);
                    });
                });
    }
}
