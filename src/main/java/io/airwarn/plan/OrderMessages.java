package io.airwarn.plan;

import io.airwarn.city.City;
import io.airwarn.message.MessageTemplates;
import io.airwarn.message.MessageTemplates.Audience;
import io.airwarn.message.MessageTemplates.Kind;
import io.airwarn.notify.SmsSegments;
import io.airwarn.platform.BeijingTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The texts an order is sent with: the message in Chinese and English (subscribers choose), and the reminder and
 * escalation texts used if it is not acknowledged in time. The reply code is known only once the order is stored,
 * so the texts hold {@link #ACK_PLACEHOLDER}, which the database replaces with the order's short code.
 */
record OrderMessages(Audience audience, String message, String messageEn, String reminder, String escalation) {

    static final String ACK_PLACEHOLDER = "%CODE%";

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    static OrderMessages of(MessageTemplates templates, City city, RulesEngine.Request request, Order o) {
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
        String code = needsAck(o) ? ACK_PLACEHOLDER : null;
        MessageTemplates.Values zh = values(city.nameZh(), o, ZH, code, request.exercise());
        MessageTemplates.Values en = values(city.nameEn(), o, EN, code, request.exercise());
        String zhLanguage = MessageTemplates.DEFAULT_LANGUAGE;
        return new OrderMessages(audience, templates.render(audience, kind, zhLanguage, zh),
                templates.render(audience, kind, "en", en),
                code == null ? null : templates.render(audience, Kind.REMINDER, zhLanguage, zh),
                code == null ? null : templates.render(audience, Kind.ESCALATION, zhLanguage, zh));
    }

    /** Orders that carry a duty must be acknowledged; notices, relaxations and all-clears need not. */
    static boolean needsAck(Order o) {
        return o.kind() == Order.Kind.ORDER && o.recipientType() != Order.RecipientType.PUBLIC && o.mobile() != null;
    }

    /** SMS segments of the message in a language, with a six-character reply code. */
    int segments(String language) {
        String text = "en".equals(language) ? messageEn : message;
        return SmsSegments.count(text.replace(ACK_PLACEHOLDER, "A00000"));
    }

    private static MessageTemplates.Values values(String city, Order o, DateTimeFormatter format, String code,
                                                  boolean exercise) {
        OffsetDateTime deadline = o.deadline();
        return new MessageTemplates.Values(city, o.level(), o.recipientName(), o.text(),
                deadline == null ? "" : format.format(BeijingTime.toLocal(deadline)), code, exercise);
    }
}
