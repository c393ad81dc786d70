package io.airwarn.aqi;

/**
 * The six AQI categories of HJ 633-2012 (Table 2 and Appendix A): names, colours, health effects and advice.
 * China's level-5 purple is #99004C, not the US EPA purple.
 */
public enum AqiCategory {
    EXCELLENT(1, 50, "优", "Excellent", "#00E400",
            "空气质量令人满意，基本无空气污染。",
            "Air quality is satisfactory; there is essentially no air pollution.",
            "各类人群可正常活动。",
            "Everyone can carry on as normal."),
    GOOD(2, 100, "良", "Good", "#FFFF00",
            "空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响。",
            "Air quality is acceptable, but some pollutants may slightly affect a very few unusually sensitive people.",
            "极少数异常敏感人群应减少户外活动。",
            "The very few unusually sensitive people should cut down outdoor activity."),
    LIGHTLY_POLLUTED(3, 150, "轻度污染", "Lightly polluted", "#FF7E00",
            "易感人群症状有轻度加剧，健康人群出现刺激症状。",
            "Symptoms of sensitive people get slightly worse; healthy people may feel irritation.",
            "儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼。",
            "Children, older people and people with heart or respiratory disease should cut down long or strenuous outdoor exercise."),
    MODERATELY_POLLUTED(4, 200, "中度污染", "Moderately polluted", "#FF0000",
            "进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响。",
            "Symptoms of sensitive people worsen further; the heart and lungs of healthy people may be affected.",
            "儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动。",
            "Children, older people and people with heart or respiratory disease should avoid long or strenuous outdoor exercise; everyone else should reduce outdoor exercise somewhat."),
    HEAVILY_POLLUTED(5, 300, "重度污染", "Heavily polluted", "#99004C",
            "心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状。",
            "Heart and lung patients get markedly worse and tolerate exercise less; healthy people commonly show symptoms.",
            "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动。",
            "Children, older people and heart and lung patients should stay indoors and stop outdoor exercise; everyone else should reduce outdoor exercise."),
    SEVERELY_POLLUTED(6, Integer.MAX_VALUE, "严重污染", "Severely polluted", "#7E0023",
            "健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病。",
            "Healthy people tolerate exercise less and have marked, strong symptoms; some illnesses start early.",
            "儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动。",
            "Children, older people and the sick should stay indoors and avoid physical exertion; everyone else should avoid outdoor activity.");

    private final int level;
    private final int upperAqi;
    private final String zh;
    private final String en;
    private final String color;
    private final String healthEffectZh;
    private final String healthEffectEn;
    private final String adviceZh;
    private final String adviceEn;

    AqiCategory(int level, int upperAqi, String zh, String en, String color, String healthEffectZh,
                String healthEffectEn, String adviceZh, String adviceEn) {
        this.level = level;
        this.upperAqi = upperAqi;
        this.zh = zh;
        this.en = en;
        this.color = color;
        this.healthEffectZh = healthEffectZh;
        this.healthEffectEn = healthEffectEn;
        this.adviceZh = adviceZh;
        this.adviceEn = adviceEn;
    }

    public static AqiCategory of(int aqi) {
        if (aqi < 0) {
            throw new IllegalArgumentException("AQI cannot be negative: " + aqi);
        }
        for (AqiCategory category : values()) {
            if (aqi <= category.upperAqi) {
                return category;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    public static AqiCategory ofLevel(int level) {
        for (AqiCategory category : values()) {
            if (category.level == level) {
                return category;
            }
        }
        throw new IllegalArgumentException("no AQI category level " + level);
    }

    public int level() {
        return level;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String color() {
        return color;
    }

    public String healthEffectZh() {
        return healthEffectZh;
    }

    public String healthEffectEn() {
        return healthEffectEn;
    }

    public String adviceZh() {
        return adviceZh;
    }

    public String adviceEn() {
        return adviceEn;
    }
}
