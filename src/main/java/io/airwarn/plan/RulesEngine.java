package io.airwarn.plan;

import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns "unit U goes from level P to level L at time T" into orders, as deltas: recipients get an order only when
 * what applies to them changes (an upgrade sends new or stricter orders, a downgrade relaxations), and lifting
 * sends an all-clear to everyone who held an order. Texts hold the instruction only (the level is a field), so a
 * recipient whose instruction does not change hears nothing new. Pure.
 */
public final class RulesEngine {

    static final String EXERCISE_PREFIX = "【演练 EXERCISE】";
    static final String VOLUNTARY = "自主减排 (voluntary reduction: grade A and leading enterprises are not ordered to cut)";
    static final String ALL_CLEAR = "预警解除，恢复正常 (warning lifted: measures end)";
    static final String PUBLIC_ID = "public";
    private static final int DEFAULT_DEADLINE_HOURS = 24;

    /**
     * An activation: the new level, the level before, when the response starts, whether it is an exercise, and
     * whether an exercise is widened beyond the plan's drill recipients.
     */
    /** {@code expectedEnd}, when known, is stated in every order ("the warning period"); null leaves it out. */
    public record Request(WarningLevel level, WarningLevel previousLevel, OffsetDateTime responseStart,
                          boolean exercise, boolean widened, OffsetDateTime expectedEnd) {

        public Request(WarningLevel level, WarningLevel previousLevel, OffsetDateTime responseStart,
                       boolean exercise) {
            this(level, previousLevel, responseStart, exercise, false, null);
        }
    }

    private RulesEngine() {
    }

    public static List<Order> orders(Plan plan, Request request) {
        Map<String, Order> before = standing(plan, request.previousLevel(), request);
        Map<String, Order> after = standing(plan, request.level(), request);
        boolean upgrade = request.level().compareTo(request.previousLevel()) > 0;
        List<Order> orders = new ArrayList<>();
        after.forEach((key, order) -> {
            Order held = before.get(key);
            if (held == null || upgrade) {
                if (held == null || !held.text().equals(order.text())) {
                    orders.add(order);
                }
            } else if (!held.text().equals(order.text())) {
                orders.add(withKind(order, Order.Kind.RELAXATION));
            }
        });
        before.forEach((key, held) -> {
            if (!after.containsKey(key)) {
                orders.add(new Order(held.recipientType(), held.recipientId(), held.recipientName(), held.mobile(),
                        Order.Kind.ALL_CLEAR, request.level(), prefix(request) + ALL_CLEAR, request.responseStart(),
                        Emissions.ZERO));
            }
        });
        if (request.exercise() && !request.widened()) {
            // An exercise reaches only the recipients flagged for drills.
            return orders.stream().filter(o -> plan.drillRecipients().contains(o.recipientId())).toList();
        }
        return orders;
    }

    /** What applies to each recipient at a level, by recipient. */
    static Map<String, Order> standing(Plan plan, WarningLevel level, Request request) {
        Map<String, Order> orders = new LinkedHashMap<>();
        if (level == WarningLevel.NONE) {
            return orders;
        }
        OffsetDateTime start = request.responseStart();
        String prefix = prefix(request);
        List<Plan.CityMeasure> measures = plan.measures().stream().filter(m -> m.level() == level).toList();
        put(orders, publicMessage(level, measures, start, prefix));
        Map<String, List<Plan.CityMeasure>> byUnit = measures.stream()
                .collect(Collectors.groupingBy(Plan.CityMeasure::unit, LinkedHashMap::new, Collectors.toList()));
        for (Plan.ResponsibleUnit u : plan.responsibleUnits()) {
            List<Plan.CityMeasure> tasks = byUnit.get(u.id());
            if (tasks != null) {
                int hours = tasks.stream().mapToInt(Plan.CityMeasure::deadlineHours).min().orElse(0);
                put(orders, new Order(Order.RecipientType.RESPONSIBLE_UNIT, u.id(), u.name(), u.contactMobile(),
                        Order.Kind.ORDER, level, prefix + tasks.stream().map(Plan.CityMeasure::text)
                        .collect(Collectors.joining("；")), start.plusHours(hours), Emissions.ZERO));
            }
        }
        if (level.atLeast(WarningLevel.YELLOW)) {
            OffsetDateTime industryDeadline = start.plusHours(deadline(measures, Plan.Domain.INDUSTRY));
            for (Plan.Enterprise e : plan.enterprises()) {
                put(orders, enterpriseOrder(e, level, industryDeadline, prefix));
            }
            OffsetDateTime schoolDeadline = start.plusHours(deadline(measures, Plan.Domain.SCHOOLS));
            for (Plan.School s : plan.schools()) {
                put(orders, schoolOrder(plan.schoolRule(), s, level, start, schoolDeadline, prefix));
            }
        }
        return orders;
    }

    private static Order publicMessage(WarningLevel level, List<Plan.CityMeasure> measures, OffsetDateTime start,
                                       String prefix) {
        String advice = measures.stream().filter(m -> m.domain() == Plan.Domain.PUBLIC_HEALTH)
                .map(Plan.CityMeasure::text).collect(Collectors.joining("；"));
        String main = measures.stream().filter(m -> m.domain() == Plan.Domain.SCHOOLS
                        || m.domain() == Plan.Domain.VEHICLES || m.domain() == Plan.Domain.OPEN_BURNING)
                .map(Plan.CityMeasure::text).collect(Collectors.joining("；"));
        String text = prefix + level + " 重污染天气预警 heavy-pollution warning. "
                + (advice.isEmpty() ? "敏感人群减少户外活动 / sensitive groups reduce outdoor activity." : advice)
                + (main.isEmpty() ? "" : " 主要措施 Main measures: " + main);
        return new Order(Order.RecipientType.PUBLIC, PUBLIC_ID, "公众 (the public)", null, Order.Kind.ORDER, level,
                text, start, Emissions.ZERO);
    }

    private static Order enterpriseOrder(Plan.Enterprise e, WarningLevel level, OffsetDateTime deadline,
                                         String prefix) {
        Plan.EnterpriseMeasure m = e.measure(level);
        if (e.grade().voluntary()) {
            return new Order(Order.RecipientType.ENTERPRISE, e.id(), e.name(), e.contactMobile(),
                    Order.Kind.VOLUNTARY_NOTICE, level, prefix + VOLUNTARY, deadline, Emissions.ZERO);
        }
        if (m == null) {
            return null;
        }
        return new Order(Order.RecipientType.ENTERPRISE, e.id(), e.name(), e.contactMobile(), Order.Kind.ORDER, level,
                prefix + m.text(), deadline, m.reduction());
    }

    /**
     * Schools: below the outdoor-stop level they reduce outdoor activity; from it they stop it; at the suspension
     * level the listed types suspend classes, from the day the timing rule gives.
     */
    private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日", Locale.CHINA);

    static Order schoolOrder(Plan.SchoolRule rule, Plan.School s, WarningLevel level, OffsetDateTime start,
                             OffsetDateTime deadline, String prefix) {
        String text;
        OffsetDateTime due = deadline;
        if (level.atLeast(rule.suspendClassesAt()) && rule.suspendTypes().contains(s.type())) {
            LocalDateTime local = start.atZoneSameInstant(BeijingTime.ZONE).toLocalDateTime();
            boolean sameDay = local.toLocalTime().isBefore(rule.sameDayIfIssuedBefore());
            LocalDate from = sameDay ? local.toLocalDate() : local.toLocalDate().plusDays(1);
            // Dates, not "today": the order may reach the school the day before the response starts.
            text = "停课，自" + DAY_ZH.format(from) + "起 (classes suspended from " + from + ")"
                    + (sameDay ? "" : "；" + DAY_ZH.format(local.toLocalDate()) + "停止户外活动 (no outdoor activity on "
                    + local.toLocalDate() + ")");
            due = sameDay ? start : BeijingTime.toOffset(from.atStartOfDay());
        } else if (level.atLeast(rule.stopOutdoorFrom())) {
            text = "停止户外课程和活动 (stop outdoor classes and activities)";
        } else {
            text = "减少户外课程和活动 (reduce outdoor classes and activities)";
        }
        return new Order(Order.RecipientType.SCHOOL, s.id(), s.name(), s.contactMobile(), Order.Kind.ORDER, level,
                prefix + text, due, Emissions.ZERO);
    }

    private static int deadline(List<Plan.CityMeasure> measures, Plan.Domain domain) {
        return measures.stream().filter(m -> m.domain() == domain).mapToInt(Plan.CityMeasure::deadlineHours).min()
                .orElse(DEFAULT_DEADLINE_HOURS);
    }

    private static void put(Map<String, Order> orders, Order order) {
        if (order != null) {
            orders.put(order.key(), order);
        }
    }

    private static Order withKind(Order o, Order.Kind kind) {
        return new Order(o.recipientType(), o.recipientId(), o.recipientName(), o.mobile(), kind, o.level(), o.text(),
                o.deadline(), o.reduction());
    }

    private static String prefix(Request request) {
        return request.exercise() ? EXERCISE_PREFIX : "";
    }
}
