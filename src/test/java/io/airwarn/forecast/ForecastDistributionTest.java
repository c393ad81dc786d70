package io.airwarn.forecast;

import static io.airwarn.forecast.ForecastPollutant.PM2_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.aqi.TablesAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastDistributionTest {

    /** Residual percentiles of a spread of +-0.49 around 0 in steps of 0.01 (a uniform error distribution). */
    private static double[] uniform() {
        double[] q = new double[ForecastDistribution.QUANTILES];
        for (int k = 1; k <= q.length; k++) {
            q[k - 1] = (k - 50) / 100.0;
        }
        return q;
    }

    @Test
    void probabilitiesComeFromTheResidualDistribution() {
        // Centred exactly on the AQI-200 concentration (PM2.5 150): half the outcomes are above.
        ForecastDistribution d = ForecastDistribution.of(TablesAccess.hj6332012(), PM2_5, Math.log1p(150), uniform());
        assertEquals(0.5, d.pAbove200(), 1e-9);
        // ln(251/151) = 0.508 is beyond the widest residual: only the tail is left above AQI 300.
        assertEquals(0.005, d.pAbove300(), 1e-12);
        assertEquals(0.005, d.pAtLeast500(), 1e-12);
        assertTrue(d.lowAqi() < 200 && d.highAqi() > 200, "the 80 % interval straddles 200");
    }

    @Test
    void aForecastFarAboveAThresholdIsAlmostCertain() {
        // ln(251/601) = -0.87 is below the lowest residual: all but the lower tail is above AQI 300.
        ForecastDistribution d = ForecastDistribution.of(TablesAccess.hj6332012(), PM2_5, Math.log1p(600), uniform());
        assertEquals(0.995, d.pAbove300(), 1e-12);
        // Between percentiles the distribution is read linearly: from 400, ln(251/401) = -0.4685 lies 15 % of the
        // way from the 3rd (-0.47) to the 4th (-0.46) percentile, so P(above) = 1 - 0.0315.
        ForecastDistribution e = ForecastDistribution.of(TablesAccess.hj6332012(), PM2_5, Math.log1p(400), uniform());
        assertEquals(1 - 0.0315, e.pAbove300(), 1e-3);
        assertTrue(e.expectedAqi() > 400);
    }

    @Test
    void theAqiIsTheHighestOfItsPollutantsAndAnyOfThemMayCallTheDayAbove() {
        var table = TablesAccess.hj6332012();
        LeadModel.Calibration none = new LeadModel.Calibration(null, null, null);
        // PM2.5 around 100 μg/m³ (sub-index 133), PM10 around 420 μg/m³ (sub-index 300: spring dust).
        var pm25 = new ForecastDistribution.Part(PM2_5, Math.log1p(100), uniform(), none, none);
        var pm10 = new ForecastDistribution.Part(ForecastPollutant.PM10, Math.log1p(420), uniform(), none, none);
        ForecastDistribution alone = ForecastDistribution.of(table, List.of(pm25));
        ForecastDistribution both = ForecastDistribution.of(table, List.of(pm10, pm25));
        ForecastDistribution dust = ForecastDistribution.of(table, ForecastPollutant.PM10, Math.log1p(420), uniform());
        assertEquals(List.of(PM2_5, ForecastPollutant.PM10),
                both.subIndices().stream().map(ForecastDistribution.SubIndexForecast::pollutant).toList());
        assertEquals(ForecastPollutant.PM10, both.primaryPollutant());
        assertEquals(dust.expectedAqi(), both.expectedAqi(), 1e-9, "PM10 is the higher sub-index in every outcome");
        assertEquals(dust.pAbove200(), both.pAbove200(), 1e-12);
        assertTrue(both.says200() && !alone.says200(), "PM10's expected sub-index is above 200, PM2.5's is not");
        assertEquals(alone.subIndices().get(0), both.subIndices().get(0), "each pollutant keeps its own forecast");
    }

    @Test
    void ozonesErrorsAreIndependentOfTheParticles() {
        var table = TablesAccess.hj6332012();
        LeadModel.Calibration none = new LeadModel.Calibration(null, null, null);
        // PM2.5 centred on 150 μg/m³ and O3-8h on 265 μg/m³: each has its sub-index above 200 with probability 0.5,
        // so the AQI is at or below 200 only when both are: 0.25.
        var pm25 = new ForecastDistribution.Part(PM2_5, Math.log1p(150), uniform(), none, none);
        var ozone = new ForecastDistribution.Part(ForecastPollutant.O3_8H, Math.log1p(265), uniform(), none, none);
        ForecastDistribution d = ForecastDistribution.of(table, List.of(pm25, ozone));
        assertEquals(0.75, d.pAbove200(), 1e-9);
        ForecastDistribution particles = ForecastDistribution.of(table, List.of(pm25));
        assertTrue(d.lowAqi() > particles.lowAqi() && d.expectedAqi() > particles.expectedAqi(),
                "the higher of two independent sub-indices is higher than either");
    }
}
