package io.airwarn.aqi;

import java.util.List;
import java.util.Map;

/** The reply of {@code POST /api/aqi/calculate}. */
public record AqiCalculationView(int aqi, CategoryView category, List<AqiItem> primaryPollutants,
                                 List<AqiItem> exceedingPollutants, Map<AqiItem, Integer> iaqi, List<AqiItem> notUsed,
                                 String standard, Text healthEffect, Text advice) {

    /** A text in Chinese and English. */
    public record Text(String zh, String en) {
    }

    static AqiCalculationView of(AqiResult r, String standard) {
        AqiCategory c = r.category();
        return new AqiCalculationView(r.aqi(), CategoryView.of(c), r.primaryPollutants(), r.exceedingPollutants(),
                r.iaqi(), r.unused(), standard, new Text(c.healthEffectZh(), c.healthEffectEn()),
                new Text(c.adviceZh(), c.adviceEn()));
    }
}
