package io.airwarn.console;

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
        return switch (WarningLevel.valueOf(level.toString())) {
            case NONE -> t("无", "none");
            case BLUE -> t("蓝色", "blue");
            case YELLOW -> t("黄色", "yellow");
            case ORANGE -> t("橙色", "orange");
            case RED -> t("红色", "red");
        };
    }

    /**
     * An order's recipient type, kind, status or acknowledgement channel in the language in use (企业 / enterprise);
     * a code it does not know is shown as it is.
     */
    public String term(Object code) {
        if (code == null) {
            return "";
        }
        String[] words = switch (code.toString()) {
            case "ENTERPRISE" -> new String[] {"企业", "enterprise"};
            case "SCHOOL" -> new String[] {"学校", "school"};
            case "RESPONSIBLE_UNIT" -> new String[] {"责任单位", "responsible unit"};
            case "PUBLIC" -> new String[] {"公众", "public"};
            case "SUPERVISOR" -> new String[] {"监管部门", "supervising unit"};
            case "HQ" -> new String[] {"指挥部办公室", "HQ office"};
            case "ORDER" -> new String[] {"指令", "order"};
            case "VOLUNTARY_NOTICE" -> new String[] {"倡议", "voluntary notice"};
            case "RELAXATION" -> new String[] {"措施放宽", "relaxation"};
            case "ALL_CLEAR" -> new String[] {"解除通知", "all clear"};
            case "ESCALATION" -> new String[] {"督办", "escalation"};
            case "OPEN" -> new String[] {"执行中", "in force"};
            case "CLOSED" -> new String[] {"已办结", "closed"};
            case "SUPERSEDED" -> new String[] {"已被替代", "superseded"};
            case "SMS" -> new String[] {"短信回复", "SMS reply"};
            case "WEB" -> new String[] {"网页", "web"};
            case "API" -> new String[] {"接口", "API"};
            case "LINK" -> new String[] {"确认链接", "link"};
            case "ON_BEHALF" -> new String[] {"代为确认", "on behalf"};
            default -> new String[] {code.toString(), code.toString()};
        };
        return t(words[0], words[1]);
    }
}
