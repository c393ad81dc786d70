package io.airwarn.console;

import io.quarkus.qute.TemplateData;

/**
 * The console's language: Chinese by default, English when the user switches ({@code airwarn-lang=en} cookie).
 * Templates write each text in both, {@code {l.t('预警', 'Warnings')}}, and get the one in use.
 */
@TemplateData
public record Labels(boolean english) {

    public static final String COOKIE = "airwarn-lang";

    public String t(String zh, String en) {
        return english ? en : zh;
    }

    public String lang() {
        return english ? "en" : "zh-CN";
    }
}
