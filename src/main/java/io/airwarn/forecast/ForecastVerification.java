package io.airwarn.forecast;

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

    private final ForecastStore store;

    ForecastVerification(ForecastStore store) {
        this.store = store;
    }

    public Uni<VerificationView> verify(String city, int lead) {
        return store.verifiedForecasts(city, lead).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(new VerificationView(city, lead, null, null, VerificationView.OBSERVED,
                        Score.of(List.of(), List.of())));
            }
            LocalDate first = rows.get(0).getLocalDate(0);
            LocalDate last = rows.get(rows.size() - 1).getLocalDate(0);
            return store.observedAqiBefore(city, first).map(history -> {
                List<Prediction> forecasts = new ArrayList<>();
                List<Prediction> climatology = new ArrayList<>();
                Climatology reference = history.isEmpty() ? null : new Climatology(history, first);
                rows.forEach(r -> {
                    int observed = r.getInteger(4);
                    forecasts.add(prediction(r, observed));
                    if (reference != null) {
                        climatology.add(reference.forecast(r.getLocalDate(0), observed));
                    }
                });
                Score score = reference == null ? Score.of(forecasts, forecasts).withoutBrierSkill()
                        : Score.of(forecasts, climatology);
                return new VerificationView(city, lead, first.toString(), last.toString(), VerificationView.OBSERVED,
                        score);
            });
        });
    }

    /** The stored forecast with the model's own yes/no. */
    private static Prediction prediction(io.vertx.mutiny.sqlclient.Row r, int observed) {
        return new Prediction(r.getDouble(1), observed, r.getDouble(2), r.getDouble(3), r.getBoolean(5),
                r.getBoolean(6), r.getInteger(7), r.getInteger(8));
    }
}
