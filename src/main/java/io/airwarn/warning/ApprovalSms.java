package io.airwarn.warning;

import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.airwarn.message.MessageTemplates;
import io.airwarn.notify.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Tells the on-duty approvers by SMS that a warning waits for them ({@code AIRWARN_APPROVAL_SMS_TO}), for the levels
 * that cannot wait until someone looks at the console ({@code AIRWARN_APPROVAL_SMS_LEVELS}, orange and red by
 * default). The message is queued in the submission's transaction, so it goes out exactly when the submission holds.
 */
@ApplicationScoped
class ApprovalSms {

    /** Ahead of orders: nothing goes out until someone approves. */
    private static final int PRIORITY = 0;
    /** An approval request is moot within hours; an old one must not arrive after a gateway outage. */
    private static final Duration VALIDITY = Duration.ofHours(6);

    private final Outbox outbox;
    private final Cities cities;
    private final MessageTemplates templates;
    private final List<String> to;
    private final Set<WarningLevel> levels;

    ApprovalSms(Outbox outbox, Cities cities, MessageTemplates templates, AirWarnConfig config) {
        this.outbox = outbox;
        this.cities = cities;
        this.templates = templates;
        this.to = config.approvalSms().to().orElse(List.of());
        this.levels = config.approvalSms().levels();
    }

    /** Queues the SMS when this action leaves the warning awaiting approval at one of the levels. */
    Uni<Void> ifAwaiting(SqlConnection c, Warning after, WarningLevel awaiting, String actor, OffsetDateTime at) {
        boolean awaits = after.state() == WarningState.SUBMITTED || after.state() == WarningState.CHANGE_SUBMITTED;
        if (!awaits || to.isEmpty() || !levels.contains(awaiting)) {
            return Uni.createFrom().voidItem();
        }
        String body = text(cities.find(after.city()).map(City::nameZh).orElse(after.city()),
                templates.levelName(MessageTemplates.DEFAULT_LANGUAGE, awaiting),
                after.state() == WarningState.CHANGE_SUBMITTED, actor, at, after.exercise());
        List<Outbox.Message> messages = to.stream().map(phone -> new Outbox.Message("approval-" + after.id() + "-"
                + at.toInstant().toEpochMilli() + "-" + phone,
                null, after.city(), "APPROVER", "approver", phone, body, PRIORITY, after.exercise(), VALIDITY)).toList();
        return outbox.enqueueAll(c, messages);
    }

    /** "【AirWarn】长春市红色预警待您审批（duty 提交于 12月2日 10:05），请登录工作台处理。" */
    static String text(String city, String level, boolean change, String actor, OffsetDateTime at,
                       boolean exercise) {
        String what = change ? "预警调整为" + level : level + "预警";
        return (exercise ? "【演练 EXERCISE】" : "") + "【AirWarn】" + city + what + "待您审批（" + actor + " 提交于 "
                + BeijingTime.chinese(at) + "），请登录工作台处理。";
    }
}
