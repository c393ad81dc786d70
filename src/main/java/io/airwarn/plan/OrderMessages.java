package io.airwarn.plan;

import io.airwarn.city.City;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.Bilingual;
import io.airwarn.core.SmsSegments;
import io.airwarn.core.WarningLevel;
import io.airwarn.message.MessageTemplates.Audience;
import io.airwarn.message.MessageTemplates.Kind;
import io.airwarn.message.MessageTemplates;
import io.airwarn.notify.OrderText;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The texts an order is sent with: the message in Chinese and English (subscribers choose), and the reminder and
 * escalation texts used if it is not acknowledged in time. The reply code and the link's secret are known only once
 * the order is stored, so the texts hold placeholders filled in when it is queued: {@link OrderText#CODE} with the
 * order's short code (in an escalation, the escalation order's own), {@link OrderText#TOKEN} with its one-time
 * link token, {@link #ORDER_PLACEHOLDER} (escalations) with the unanswered order's code.
 */
record OrderMessages(Audience audience, String message, String messageEn, String reminder, String escalation) {

    static final String ORDER_PLACEHOLDER = "%ORDER%";

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** {@code linkBase} is where one-time acknowledgement links point, or null when SMS may carry no links. */
    static OrderMessages of(MessageTemplates templates, City city, RulesEngine.Request request, Order o,
                            String linkBase) {
        Audience audience = switch (o.recipientType()) {
            case ENTERPRISE -> Audience.ENTERPRISE;
            case SCHOOL -> Audience.SCHOOL;
            case RESPONSIBLE_UNIT -> Audience.UNIT;
            case PUBLIC -> Audience.PUBLIC;
        };
        Kind kind = switch (o.kind()) {
            case ALL_CLEAR -> Kind.LIFT;
            case RELAXATION -> Kind.ADJUST;
            case ORDER, VOLUNTARY_NOTICE -> request.previousLevel() == WarningLevel.NONE ? Kind.ISSUE : Kind.ADJUST;
        };
        boolean ack = needsAck(o);
        String code = ack ? OrderText.CODE : null;
        String link = ack && linkBase != null ? linkBase + "/ack/" + OrderText.TOKEN : null;
        MessageTemplates.Values zh = values(city.nameZh(), o, ZH, code, link, null, request);
        MessageTemplates.Values en = values(city.nameEn(), o, EN, code, link, null, request);
        String zhLanguage = MessageTemplates.DEFAULT_LANGUAGE;
        // The escalation goes to the supervisor, who acknowledges it by its own code, not by the link.
        MessageTemplates.Values escalation = values(city.nameZh(), o, ZH, code, null, ORDER_PLACEHOLDER, request);
        return new OrderMessages(audience, templates.render(audience, kind, zhLanguage, zh),
                templates.render(audience, kind, "en", en),
                ack ? templates.render(audience, Kind.REMINDER, zhLanguage, zh) : null,
                ack ? templates.render(audience, Kind.ESCALATION, zhLanguage, escalation) : null);
    }

    /** Orders that carry a duty must be acknowledged; notices, relaxations and all-clears need not. */
    static boolean needsAck(Order o) {
        return o.kind() == Order.Kind.ORDER && o.recipientType() != Order.RecipientType.PUBLIC && o.mobile() != null;
    }

    /** SMS segments of the message in a language, with a six-character reply code and a 32-character token. */
    int segments(String language) {
        String text = "en".equals(language) ? messageEn : message;
        return SmsSegments.count(text.replace(OrderText.CODE, "A00000").replace(OrderText.TOKEN, "0".repeat(32)));
    }

    /**
     * The order in the message's language: the Chinese or the English part of the plan's bilingual texts, and the
     * warning period when the request knows its end.
     */
    private static MessageTemplates.Values values(String city, Order o, DateTimeFormatter format, String code,
                                                  String link, String orderCode, RulesEngine.Request request) {
        OffsetDateTime deadline = o.deadline();
        boolean zh = format == ZH;
        String period = request.expectedEnd() == null ? null
                : format.format(BeijingTime.toLocal(request.responseStart())) + (zh ? " 至 " : " to ")
                + format.format(BeijingTime.toLocal(request.expectedEnd()));
        return new MessageTemplates.Values(city, o.level(),
                zh ? Bilingual.zh(o.recipientName()) : Bilingual.en(o.recipientName()),
                zh ? Bilingual.zh(o.text()) : Bilingual.en(o.text()),
                deadline == null ? "" : format.format(BeijingTime.toLocal(deadline)), code, link, orderCode,
                request.exercise(), period);
    }
}
