package io.airwarn.forecast;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Running verification of a city's stored forecasts at one lead against the observed city daily AQI: each verified
 * day counts once, with the latest run that forecast it at this lead. The Brier skill is against the monthly
 * climatology of the city's observed days before the first verified day.
 */
public record VerificationView(String city, int lead, String from, String to, String observed,
                               @JsonUnwrapped Score score) {

    static final String OBSERVED = "city daily AQI";
}
