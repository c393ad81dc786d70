package io.airwarn.cap;

import io.airwarn.bulletin.PublicWarning;
import io.airwarn.warning.PublishedWarnings.Message;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The Atom index of current CAP alerts: one entry per warning, linking its latest CAP message. */
public final class AtomIndex {

    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    /** A message with its texts. */
    public record Entry(Message message, PublicWarning texts) {
    }

    private AtomIndex() {
    }

    /** {@code base} is the service's address without a trailing slash. */
    public static String xml(List<Entry> entries, String base, OffsetDateTime now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NAMESPACE);
            element(x, "id", base + "/cap/alerts.atom");
            element(x, "title", "吉林省重污染天气预警 Jilin heavy air pollution warnings (CAP 1.2)");
            element(x, "updated", CapAlert.time(entries.stream().map(e -> e.message().sent())
                    .max(Comparator.naturalOrder()).orElse(now)));
            x.writeStartElement("author");
            element(x, "name", "AirWarn");
            x.writeEndElement();
            link(x, "self", base + "/cap/alerts.atom", "application/atom+xml");
            for (Entry e : entries) {
                Message m = e.message();
                x.writeStartElement("entry");
                element(x, "id", base + "/cap/" + m.identifier() + ".xml");
                element(x, "title", e.texts().nameZh() + " " + e.texts().levelZh() + " · " + e.texts().nameEn() + " "
                        + e.texts().levelEn() + " (" + m.type().name().toLowerCase() + (m.exercise() ? ", exercise" : "")
                        + ")");
                element(x, "updated", CapAlert.time(m.sent()));
                link(x, "alternate", base + "/cap/" + m.identifier() + ".xml", "application/cap+xml");
                element(x, "summary", e.texts().healthAdviceZh() + " " + e.texts().healthAdviceEn());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom index", e);
        }
        return out.toString();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
