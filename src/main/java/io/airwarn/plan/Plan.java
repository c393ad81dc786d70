package io.airwarn.plan;

import io.airwarn.core.WarningLevel;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A unit's heavy-pollution contingency plan: command, responsible units, measures per level and domain, the school
 * timing rule, city emissions, and the emergency emission-reduction list and schools. {@code drillRecipients} are
 * the ids of the recipients that take part in exercises; an exercise reaches only them unless it is widened.
 */
public record Plan(String unit, String name, boolean sample, String version, LocalDate effectiveDate,
                   Command command, Emissions emissions, SchoolRule schoolRule,
                   List<ResponsibleUnit> responsibleUnits, List<CityMeasure> measures,
                   List<Enterprise> enterprises, List<School> schools, Set<String> drillRecipients) {

    /** The recipient id of the public message (it can be listed among the drill recipients too). */
    public static final String PUBLIC = "public";
    /** The recipient id of escalations to the command HQ office. */
    public static final String HQ = "HQ";

    /** Whether orders of this plan can be addressed to the id: an enterprise, a school, a unit or the HQ office. */
    public boolean hasRecipient(String id) {
        return HQ.equals(id) || enterprises.stream().anyMatch(e -> e.id().equals(id))
                || schools.stream().anyMatch(s -> s.id().equals(id))
                || responsibleUnits.stream().anyMatch(u -> u.id().equals(id));
    }

    public record Command(String commander, String office, String officeMobile) {
    }

    public record ResponsibleUnit(String id, String name, String duties, String contactMobile) {
    }

    /** A measure of the plan itself, carried out by a responsible unit within {@code deadlineHours}. */
    public record CityMeasure(String id, WarningLevel level, Domain domain, String unit, int deadlineHours,
                              String text) {
    }

    public enum Domain {
        PUBLIC_HEALTH, SCHOOLS, HOSPITALS, INDUSTRY, VEHICLES, DUST, OPEN_BURNING, NON_ROAD_MACHINERY, OFFICES
    }

    /**
     * When schools stop outdoor activity or suspend classes. A suspension issued before {@code sameDayIfIssuedBefore}
     * (06:00) starts that day; issued later it starts the next day (before {@code nextDayIfIssuedBefore}, 22:00, the
     * day after; from 22:00 the coming day, which is also the next day), and classes that day keep going with
     * outdoor activity stopped.
     */
    public record SchoolRule(WarningLevel stopOutdoorFrom, WarningLevel suspendClassesAt, Set<SchoolType> suspendTypes,
                             LocalTime nextDayIfIssuedBefore, LocalTime sameDayIfIssuedBefore) {
    }

    public enum Grade { A, B, C, D, LEADING, NON_LEADING;

        /** A and leading enterprises reduce voluntarily; they receive notices, not orders. */
        public boolean voluntary() {
            return this == A || this == LEADING;
        }
    }

    public enum Guarantee { NONE, HEATING, WASTE, STRATEGIC }

    /** An entry of the emergency emission-reduction list; {@code measures} holds YELLOW, ORANGE and RED in order. */
    public record Enterprise(String id, String name, String district, String industry, Grade grade,
                             Guarantee guarantee, Emissions baseline, List<EnterpriseMeasure> measures,
                             String contactMobile, String supervisor, List<String> devices) {

        public EnterpriseMeasure measure(WarningLevel level) {
            for (EnterpriseMeasure m : measures) {
                if (m.level() == level) {
                    return m;
                }
            }
            return null;
        }
    }

    public record EnterpriseMeasure(WarningLevel level, String text, Emissions reduction) {
    }

    public enum SchoolType { KINDERGARTEN, PRIMARY, SECONDARY, VOCATIONAL, UNIVERSITY }

    public record School(String id, String name, String district, SchoolType type, int pupils, String contactMobile) {
    }
}
