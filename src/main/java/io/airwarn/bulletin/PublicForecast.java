package io.airwarn.bulletin;

import io.airwarn.core.BeijingTime;
import io.airwarn.forecast.IssuedForecasts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's next-day forecast as the public page shows it: the day, the expected AQI with its 80 % interval, when the
 * run was issued (Beijing time, to the minute) and whether it is stale. A forecast is stale when its run was issued
 * more than {@link #STALE_AFTER} before now or its day is already past (the demo data's runs are years old): the
 * page marks it instead of passing it off as tomorrow's.
 */
public record PublicForecast(String day, int expectedAqi, int low, int high, String issued, boolean stale) {

    static PublicForecast of(IssuedForecasts.NextDay f, Instant now) {
        return new PublicForecast(f.day().toString(), (int) Math.round(f.expectedAqi()), f.lowAqi(), f.highAqi(),
                BeijingTime.minute(f.issuedAt()), f.stale(now));
    }
}
