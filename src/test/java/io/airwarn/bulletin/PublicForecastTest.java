package io.airwarn.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.forecast.IssuedForecasts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** When the public page marks a next-day forecast as stale. */
class PublicForecastTest {

    private static final Instant NOW = OffsetDateTime.parse("2026-12-02T05:07:00+08:00").toInstant();

    @Test
    void yesterdaysAfternoonRunForTodayIsCurrent() {
        assertFalse(IssuedForecasts.NextDay.stale(LocalDate.parse("2026-12-02"),
                OffsetDateTime.parse("2026-12-01T15:00:00+08:00").toInstant(), NOW));
    }

    @Test
    void aRunOlderThan36HoursIsStale() {
        assertTrue(IssuedForecasts.NextDay.stale(LocalDate.parse("2026-12-02"),
                OffsetDateTime.parse("2026-11-30T17:00:00+08:00").toInstant(), NOW));
    }

    @Test
    void aForecastForAPastDayIsStaleInBeijingTime() {
        // 2026-12-01 21:07 UTC is already 12-02 in Beijing: a forecast for 12-01 is past.
        assertTrue(IssuedForecasts.NextDay.stale(LocalDate.parse("2026-12-01"),
                OffsetDateTime.parse("2026-12-01T07:00:00+08:00").toInstant(), NOW));
    }

    @Test
    void theDemoDataRunsAreMarkedWithTheirIssueTimeInBeijingTime() {
        PublicForecast f = PublicForecast.of(new IssuedForecasts.NextDay(LocalDate.parse("2016-01-09"), 231.4, 180,
                290, 0.62, OffsetDateTime.parse("2016-01-08T09:00:00Z")), NOW);
        assertTrue(f.stale());
        assertEquals("2016-01-08 17:00", f.issued());
        assertEquals(231, f.expectedAqi());
    }
}
