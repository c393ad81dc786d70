package io.airwarn.console;

import io.airwarn.core.Bilingual;
import io.airwarn.core.Terms;
import io.airwarn.core.WarningLevel;
import io.airwarn.warning.WarningLifecycle;
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

    /** A warning action by name: 批准 / approve. */
    public String action(Object action) {
        if (action == null) {
            return "";
        }
        return switch (WarningState.Action.valueOf(action.toString())) {
            case CONSULT -> t("会商", "consult");
            case SUBMIT -> t("提交审批", "submit");
            case APPROVE -> t("批准", "approve");
            case REJECT -> t("驳回", "reject");
            case REQUEST_CHANGE -> t("申请调整或解除", "request a change");
            case CANCEL -> t("作废", "cancel");
        };
    }

    /** Why an action is closed to this user, in the language in use; the rule's own words follow in Chinese. */
    public String whyNot(WarningLifecycle.Availability a) {
        String zh = switch (a.reason()) {
            case FORBIDDEN -> a.action() == WarningState.Action.APPROVE || a.action() == WarningState.Action.REJECT
                    ? "须由另一位有权审批此级别的人员审批（四眼原则、级别权限）" : "您的角色不能执行此操作";
            case LEAD_TIME -> "不满足提前发布时限";
            case INVALID_TRANSITION -> "当前状态下不可用";
            case INVALID_REQUEST, NOT_FOUND -> "请求不完整";
        };
        return english ? a.whyNot() : zh + "（" + a.whyNot() + "）";
    }

    /** A plan's bilingual text ("停止2条生产线 (stop 2 production lines)") in the language in use ({@link Bilingual}). */
    public String pick(String bilingual) {
        return english ? Bilingual.en(bilingual) : Bilingual.zh(bilingual);
    }
}
