package io.airwarn.cap;

import io.airwarn.bulletin.PublicWarning;
import io.airwarn.city.City;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.airwarn.warning.PublishedWarnings.Message;
import io.airwarn.warning.PublishedWarnings;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A published warning message as an OASIS CAP 1.2 alert: Alert on issue, Update (referencing the earlier messages)
 * on a change, Cancel on lifting; status Exercise for drills; categories Env and Health; severity by level; urgency
 * Expected before onset and Immediate after; one info block per language; the unit as area with its GB/T 2260
 * geocode where it has one.
 */
public final class CapAlert {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final Map<WarningLevel, String> SEVERITY = Map.of(WarningLevel.BLUE, "Minor",
            WarningLevel.YELLOW, "Moderate", WarningLevel.ORANGE, "Severe", WarningLevel.RED, "Extreme",
            WarningLevel.NONE, "Minor");

    private CapAlert() {
    }

    /** {@code web} is the public page's address. */
    public static String xml(Message m, PublicWarning texts, City city, String sender, String web) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("alert");
            x.writeDefaultNamespace(NAMESPACE);
            element(x, "identifier", m.identifier());
            element(x, "sender", sender);
            element(x, "sent", time(m.sent()));
            element(x, "status", m.exercise() ? "Exercise" : "Actual");
            element(x, "msgType", switch (m.type()) {
                case ALERT -> "Alert";
                case UPDATE -> "Update";
                case CANCEL -> "Cancel";
            });
            element(x, "scope", "Public");
            if (m.exercise()) {
                element(x, "note", "演练 Exercise: no action is required of the public.");
            }
            if (!m.earlier().isEmpty()) {
                element(x, "references", m.earlier().stream()
                        .map(e -> sender + "," + e.identifier() + "," + time(e.sent())).collect(Collectors.joining(" ")));
            }
            info(x, m, city, web, "zh-CN", texts.nameZh(), texts.levelZh(), texts.healthAdviceZh(), texts.measures());
            info(x, m, city, web, "en", texts.nameEn(), texts.levelEn(), texts.healthAdviceEn(), texts.measures());
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write CAP alert " + m.identifier(), e);
        }
        return out.toString();
    }

    private static void info(XMLStreamWriter x, Message m, City city, String web, String language, String name,
                             String level, String advice, List<PublicWarning.Measure> measures)
            throws XMLStreamException {
        boolean zh = language.startsWith("zh");
        boolean cancel = m.type() == PublishedWarnings.Type.CANCEL;
        boolean started = !m.sent().isBefore(m.onset());
        x.writeStartElement("info");
        element(x, "language", language);
        element(x, "category", "Env");
        element(x, "category", "Health");
        element(x, "event", zh ? "重污染天气" + level + "预警" + (cancel ? "解除" : "")
                : "Heavy air pollution " + level + " warning" + (cancel ? " lifted" : ""));
        element(x, "responseType", cancel ? "AllClear" : started ? "Execute" : "Prepare");
        element(x, "urgency", started ? "Immediate" : "Expected");
        element(x, "severity", SEVERITY.get(m.level()));
        element(x, "certainty", cancel ? "Observed" : "Likely");
        element(x, "effective", time(m.sent()));
        element(x, "onset", time(m.onset()));
        if (!cancel) {
            element(x, "expires", time(m.expectedEnd()));
        }
        element(x, "senderName", zh ? name + "重污染天气应急指挥部" : name + " Heavy Pollution Emergency Headquarters");
        element(x, "headline", headline(m, zh, name, level));
        element(x, "description", cancel
                ? (zh ? name + "重污染天气" + level + "预警已解除，各项应急措施停止执行。"
                        : "The " + level + " heavy air pollution warning for " + name + " is lifted; the emergency "
                        + "measures end.")
                : (zh ? "预计" + BeijingTime.minute(m.onset()) + "至" + BeijingTime.minute(m.expectedEnd()) + "（北京时间）" + name + "出现重污染天气。"
                        : "Heavy air pollution is expected in " + name + " from " + BeijingTime.minute(m.onset()) + " to "
                        + BeijingTime.minute(m.expectedEnd()) + " (Beijing time)."));
        if (!cancel) {
            String measureTexts = measures.stream().map(ms -> side(ms.text(), zh)).collect(Collectors.joining(zh ? "" : " "));
            element(x, "instruction", advice + (measureTexts.isEmpty() ? "" : (zh ? "" : " ") + measureTexts));
        }
        element(x, "web", web);
        x.writeStartElement("area");
        element(x, "areaDesc", name);
        if (city.officialCode()) {
            x.writeStartElement("geocode");
            element(x, "valueName", "GB/T 2260");
            element(x, "value", city.code());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
    }

    private static String headline(Message m, boolean zh, String name, String level) {
        return switch (m.type()) {
            case ALERT -> zh ? name + "发布重污染天气" + level + "预警" : name + ": " + level + " heavy air pollution warning";
            case UPDATE -> zh ? name + "重污染天气预警调整为" + level : name + ": heavy air pollution warning now " + level;
            case CANCEL -> zh ? name + "解除重污染天气预警" : name + ": heavy air pollution warning lifted";
        };
    }

    /** The plans write "中文 / English": one side of it. */
    static String side(String text, boolean zh) {
        int slash = text.indexOf(" / ");
        return slash < 0 ? text : zh ? text.substring(0, slash) : text.substring(slash + 3);
    }

    /** CAP's dateTime: seconds and an explicit offset, never "Z". */
    static String time(OffsetDateTime t) {
        return BeijingTime.withOffset(t);
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
