package io.airwarn.situation;

import io.airwarn.aqi.AqiCategory;
import io.airwarn.aqi.CategoryView;
import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.BeijingTime;
import io.airwarn.observation.CityRecords;
import io.airwarn.forecast.IssuedForecasts;
import io.airwarn.warning.Warning;
import io.airwarn.warning.WarningQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** The 12 units at a glance, for the console's and the public page's map: one query per kind, each per unit. */
@ApplicationScoped
public class ProvinceSituation {

    private final Cities cities;
    private final CityRecords records;
    private final IssuedForecasts forecasts;
    private final WarningQueries warnings;
    private final ProvinceMap map;
    private final Clock clock;

    ProvinceSituation(Cities cities, CityRecords records, IssuedForecasts forecasts, WarningQueries warnings,
                      ProvinceMap map, Clock clock) {
        this.clock = clock;
        this.cities = cities;
        this.records = records;
        this.forecasts = forecasts;
        this.warnings = warnings;
        this.map = map;
    }

    /** Every unit; exercises are left out unless asked for (the public never sees them). */
    public Uni<List<CitySituation>> all(boolean withExercises) {
        List<String> codes = cities.all().stream().map(City::code).toList();
        return Uni.combine().all().unis(records.latestHours(codes), records.latestDays(codes),
                forecasts.latest(codes), warnings.inForce(withExercises)).asTuple()
                .map(t -> cities.all().stream().map(c -> situation(c, t.getItem1().get(c.code()),
                        t.getItem2().get(c.code()), t.getItem3().get(c.code()), t.getItem4().get(c.code()))).toList());
    }

    private CitySituation situation(City c, CityRecords.Latest hour, CityRecords.Latest day,
                                    IssuedForecasts.NextDay forecast, Warning warning) {
        return new CitySituation(c.code(), c.nameZh(), c.nameEn(), round(map.x(c.longitude())),
                round(map.y(c.latitude())), map.shape(c), observed(hour), observed(day),
                forecast == null ? null : new CitySituation.Forecast(forecast.day().toString(),
                        (int) Math.round(forecast.expectedAqi()), forecast.lowAqi(), forecast.highAqi(),
                        forecast.pAbove200(), category((int) Math.round(forecast.expectedAqi())),
                        forecast.stale(clock.instant())),
                warning == null ? null : new CitySituation.WarningInForce(warning.id(), warning.issuedLevel(),
                        warning.exercise(), BeijingTime.toLocal(warning.onset()).toString(),
                        BeijingTime.toLocal(warning.expectedEnd()).toString()));
    }

    private static CitySituation.Observed observed(CityRecords.Latest latest) {
        return latest == null ? null
                : new CitySituation.Observed(latest.at(), latest.aqi(), category(latest.aqi()), latest.demo());
    }

    private static CategoryView category(int aqi) {
        return CategoryView.of(AqiCategory.of(aqi));
    }


    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
