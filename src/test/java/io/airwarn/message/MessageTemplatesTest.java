package io.airwarn.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.SmsSegments;
import io.airwarn.core.WarningLevel;
import io.airwarn.message.MessageTemplates.Audience;
import io.airwarn.message.MessageTemplates.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private static final Path SHIPPED = Path.of("config/messages.yaml");

    private static MessageTemplates read(String yaml) {
        return MessageTemplates.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "messages.yaml");
    }

    private static String shipped() throws IOException {
        return Files.readString(SHIPPED);
    }

    private static final MessageTemplates.Values ORDER = new MessageTemplates.Values("长春市", WarningLevel.RED,
            "一汽示例厂", "全厂停产", "12月1日 07:00", "A1B2", null, null, false);

    @Test
    void theShippedTemplatesRenderEveryAudienceInBothLanguages() throws IOException {
        MessageTemplates t = read(shipped());
        assertEquals("【长春市重污染天气应急指挥部】一汽示例厂：红色预警，请于12月1日 07:00前落实：全厂停产。收到请回复A1B2",
                t.render(Audience.ENTERPRISE, Kind.ISSUE, "zh-CN", ORDER));
        assertEquals("[Changchun heavy-pollution HQ] FAW sample plant: red warning. By 1 Dec 07:00: full stop. "
                        + "Reply A1B2 to acknowledge",
                t.render(Audience.ENTERPRISE, Kind.ISSUE, "en", new MessageTemplates.Values("Changchun",
                        WarningLevel.RED, "FAW sample plant", "full stop", "1 Dec 07:00", "A1B2", null, null, false)));
        String noAck = t.render(Audience.SCHOOL, Kind.ADJUST, "zh-CN", new MessageTemplates.Values("长春市",
                WarningLevel.ORANGE, "示例小学", "停止户外活动", "", null, null, null, false));
        assertTrue(!noAck.contains("回复"), "no reply request without a code: " + noAck);
        assertEquals("【长春市重污染天气应急指挥部】一汽示例厂：红色预警，请于12月1日 07:00前落实：全厂停产。收到请回复A1B2，"
                        + "或点击确认 https://aw.example/ack/x",
                t.render(Audience.ENTERPRISE, Kind.ISSUE, "zh-CN", new MessageTemplates.Values("长春市",
                        WarningLevel.RED, "一汽示例厂", "全厂停产", "12月1日 07:00", "A1B2", "https://aw.example/ack/x",
                        null, false)));
        assertEquals("【长春市重污染天气应急指挥部·督办】一汽示例厂未确认红色预警指令A1B1，请督促落实。收到请回复A1B2",
                t.render(Audience.ENTERPRISE, Kind.ESCALATION, "zh-CN", new MessageTemplates.Values("长春市",
                        WarningLevel.RED, "一汽示例厂", "全厂停产", "12月1日 07:00", "A1B2", null, "A1B1", false)));
    }

    @Test
    void ordersStateTheWarningPeriodAndEndTheirInstructionsOnce() throws IOException {
        MessageTemplates t = read(shipped());
        assertEquals("【长春市重污染天气应急指挥部】示例小学：红色预警（12月3日 00:00 至 12月6日 00:00），停课，自12月3日起。"
                        + "收到请回复A1B2",
                t.render(Audience.SCHOOL, Kind.ISSUE, "zh-CN", new MessageTemplates.Values("长春市", WarningLevel.RED,
                        "示例小学", "停课，自12月3日起。", "", "A1B2", null, null, false,
                        "12月3日 00:00 至 12月6日 00:00")));
    }

    @Test
    void theDigestCountsTheSilentRecipientsAndLeavesOutTheTypesWithNone() throws IOException {
        MessageTemplates t = read(shipped());
        assertEquals("【长春市重污染天气应急指挥部·督办】长春市生态环境局：红色预警尚有812 家企业、431 所学校未确认指令，"
                        + "请督促落实；名单见工作台，可代为确认。收到请回复D1F",
                t.render("zh-CN", new MessageTemplates.Digest("长春市", WarningLevel.RED, "长春市生态环境局", 812, 431,
                        0, "D1F", false)));
        assertEquals("[Changchun heavy-pollution HQ, ESCALATION] Education bureau: orange warning orders not "
                        + "yet acknowledged by 1 school; please follow up. The list is in the console, where you may "
                        + "acknowledge for them. Reply D2 to acknowledge",
                t.render("en", new MessageTemplates.Digest("Changchun", WarningLevel.ORANGE, "Education bureau", 0, 1,
                        0, "D2", false)));
    }

    @Test
    void exerciseMessagesStartWithTheDrillMarkerOnce() throws IOException {
        MessageTemplates t = read(shipped());
        String text = t.render(Audience.PUBLIC, Kind.ISSUE, "zh-CN", new MessageTemplates.Values("长春市",
                WarningLevel.YELLOW, "公众", "【演练 EXERCISE】减少户外活动", "", null, null, null, true));
        assertTrue(text.startsWith("【演练 EXERCISE】【长春市生态环境局】"), text);
        assertEquals(1, text.split("演练", -1).length - 1, text);
    }

    @Test
    void aLevelSpecificTemplateOverridesTheKindsTemplate() throws IOException {
        MessageTemplates t = read(shipped().replace("  public:\n    issue:\n", """
                  public:
                    issue.RED:
                      zh-CN: "红色！{city}"
                      en: "Red! {city}"
                    issue:
                """));
        assertEquals("红色！长春市", t.render(Audience.PUBLIC, Kind.ISSUE, "zh-CN", ORDER));
        assertTrue(t.render(Audience.PUBLIC, Kind.ISSUE, "zh-CN", new MessageTemplates.Values("长春市",
                WarningLevel.ORANGE, "公众", "x", "", null, null, null, false)).contains("橙色预警"));
    }

    @Test
    void aTemplateOverItsSegmentBudgetIsRefusedAtLoad() throws IOException {
        String tooLong = "很长".repeat(200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(shipped().replace(
                "\"【{city}生态环境局】{city}重污染天气预警已解除。\"", "\"" + tooLong + "\"")));
        assertTrue(e.getMessage().contains("PUBLIC/LIFT/zh-CN") && e.getMessage().contains("budget of 4"),
                e.getMessage());
        assertTrue(SmsSegments.count(tooLong) > 4);
    }

    @Test
    void unknownVariablesMissingTemplatesAndLanguagesAreRefused() throws IOException {
        String yaml = shipped();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(yaml.replace(
                "{city}重污染天气预警已解除。", "{cityName}重污染天气预警已解除。"))).getMessage().contains("PUBLIC/LIFT/zh-CN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(yaml.replace(
                "      en: \"[{city} Ecology and Environment Bureau] {city}'s heavy-pollution warning has been lifted.\"\n",
                ""))).getMessage().contains("templates.public.lift needs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(yaml.replace("  public:\n    issue:\n",
                "  public:\n    warn:\n"))).getMessage().contains("'warn' is not one of"));
    }
}
