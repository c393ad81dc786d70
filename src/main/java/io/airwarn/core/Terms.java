package io.airwarn.core;

import java.util.Map;

/**
 * The words people read for the codes orders carry: recipient types, kinds, statuses and acknowledgement channels
 * (企业 / enterprise). A code without a word is shown as it is.
 */
public final class Terms {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("ENTERPRISE", new String[] {"企业", "enterprise"}),
            Map.entry("SCHOOL", new String[] {"学校", "school"}),
            Map.entry("RESPONSIBLE_UNIT", new String[] {"责任单位", "responsible unit"}),
            Map.entry("PUBLIC", new String[] {"公众", "public"}),
            Map.entry("SUPERVISOR", new String[] {"监管部门", "supervising unit"}),
            Map.entry("HQ", new String[] {"指挥部办公室", "HQ office"}),
            Map.entry("APPROVER", new String[] {"审批人", "approver"}),
            Map.entry("ORDER", new String[] {"指令", "order"}),
            Map.entry("VOLUNTARY_NOTICE", new String[] {"倡议", "voluntary notice"}),
            Map.entry("RELAXATION", new String[] {"措施放宽", "relaxation"}),
            Map.entry("ALL_CLEAR", new String[] {"解除通知", "all clear"}),
            Map.entry("ESCALATION", new String[] {"督办", "escalation"}),
            Map.entry("ENFORCEMENT", new String[] {"减排核查任务", "enforcement task"}),
            Map.entry("COMPLIANT", new String[] {"已按要求减排", "compliant"}),
            Map.entry("NOT_COMPLIANT", new String[] {"未按要求减排", "not compliant"}),
            Map.entry("NO_DATA", new String[] {"无有效监测数据", "no valid data"}),
            Map.entry("NO_DEVICE", new String[] {"未安装在线监测", "no monitor"}),
            Map.entry("MET", new String[] {"达到要求", "met"}),
            Map.entry("SHORT", new String[] {"未达要求", "short"}),
            Map.entry("NO_VERDICT", new String[] {"无有效数据", "no valid data"}),
            Map.entry("OPEN", new String[] {"执行中", "in force"}),
            Map.entry("CLOSED", new String[] {"已办结", "closed"}),
            Map.entry("SUPERSEDED", new String[] {"已被替代", "superseded"}),
            Map.entry("SMS", new String[] {"短信回复", "SMS reply"}),
            Map.entry("WEB", new String[] {"网页", "web"}),
            Map.entry("API", new String[] {"接口", "API"}),
            Map.entry("LINK", new String[] {"确认链接", "link"}),
            Map.entry("ON_BEHALF", new String[] {"代为确认", "on behalf"}));

    private Terms() {
    }

    public static String zh(String code) {
        return word(code, 0);
    }

    public static String en(String code) {
        return word(code, 1);
    }

    private static String word(String code, int language) {
        if (code == null) {
            return "";
        }
        String[] words = WORDS.get(code);
        return words == null ? code : words[language];
    }
}
