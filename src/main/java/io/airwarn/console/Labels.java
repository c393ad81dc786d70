package io.airwarn.console;

import io.airwarn.core.Terms;
import io.airwarn.core.WarningLevel;
import io.airwarn.warning.WarningState;
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

    /** A warning's state in the language in use: 待审批 / awaiting approval. Takes the state or its name. */
    public String state(Object state) {
        if (state == null) {
            return "";
        }
        return switch (WarningState.valueOf(state.toString())) {
            case DRAFT -> t("草稿", "draft");
            case SUBMITTED -> t("待审批", "awaiting approval");
            case ISSUED -> t("已发布", "issued");
            case CHANGE_SUBMITTED -> t("调整待审批", "change awaiting approval");
            case LIFTED -> t("已解除", "lifted");
            case CANCELLED -> t("已作废", "cancelled");
        };
    }

    /** A warning level by its name in the language in use: 红色 / red. Takes the level or its name. */
    public String level(Object level) {
        if (level == null) {
            return "";
        }
        WarningLevel l = WarningLevel.valueOf(level.toString());
        return t(l.zh(), l.en());
    }

    /** An order's recipient type, kind, status or acknowledgement channel in the language in use ({@link Terms}). */
    public String term(Object code) {
        return code == null ? "" : t(Terms.zh(code.toString()), Terms.en(code.toString()));
    }
}
