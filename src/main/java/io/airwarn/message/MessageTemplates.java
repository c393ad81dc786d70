package io.airwarn.message;

import io.airwarn.core.SmsSegments;
import io.airwarn.core.WarningLevel;
import io.airwarn.core.Yaml;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SMS templates of {@code config/messages.yaml}, compiled with Qute and checked when read: every template
 * exists in every language, its variables resolve, and rendered with the file's sample values it fits its
 * audience's segment budget.
 */
public final class MessageTemplates {

    public enum Audience { ENTERPRISE, SCHOOL, UNIT, PUBLIC }

    public enum Kind { ISSUE, ADJUST, LIFT, REMINDER, ESCALATION }

    public static final String DEFAULT_LANGUAGE = "zh-CN";
    public static final List<String> LANGUAGES = List.of(DEFAULT_LANGUAGE, "en");

    /**
     * What a template is filled with. {@code ackCode} is null for messages that need no acknowledgement,
     * {@code ackLink} unless one-time links are allowed, {@code orderCode} (the unanswered order's code) outside
     * escalations.
     */
    public record Values(String city, WarningLevel level, String recipient, String instructions, String deadline,
                         String ackCode, String ackLink, String orderCode, boolean exercise, String period) {

        /** Without a warning period (a message that states none). */
        public Values(String city, WarningLevel level, String recipient, String instructions, String deadline,
                      String ackCode, String ackLink, String orderCode, boolean exercise) {
            this(city, level, recipient, instructions, deadline, ackCode, ackLink, orderCode, exercise, null);
        }
    }

    record Sample(String city, WarningLevel level, String recipient, String instructions, String deadline,
                  String ackCode, String ackLink, String orderCode, String period) {
    }

    /**
     * An escalation round's one message to a supervising contact: how many of the recipients it follows up are
     * silent, and the code that acknowledges them all.
     */
    public record Digest(String city, WarningLevel level, String recipient, int enterprises, int schools, int units,
                         String ackCode, boolean exercise) {
    }

    record File(String drillMarker, Map<String, Integer> segments, Map<String, Map<WarningLevel, String>> levels,
                Sample sample, Map<String, Map<String, Map<String, String>>> templates, Map<String, String> digest) {
    }

    private final String drillMarker;
    private final Map<Audience, Integer> budgets;
    private final Map<String, Map<WarningLevel, String>> levelNames;
    /** Keyed "audience/kind/language" or "audience/kind.LEVEL/language". */
    private final Map<String, Template> templates;
    /** The digest's template by language. */
    private final Map<String, Template> digests;

    private MessageTemplates(String drillMarker, Map<Audience, Integer> budgets,
                             Map<String, Map<WarningLevel, String>> levelNames, Map<String, Template> templates,
                             Map<String, Template> digests) {
        this.drillMarker = drillMarker;
        this.budgets = budgets;
        this.levelNames = levelNames;
        this.templates = templates;
        this.digests = digests;
    }

    /** @throws IllegalArgumentException naming the file, the template and the problem */
    public static MessageTemplates read(InputStream in, String where) {
        File file = Yaml.read(in, File.class, where);
        require(file.drillMarker() != null && !file.drillMarker().isBlank(), where + ": drillMarker is missing");
        require(file.sample() != null, where + ": sample is missing");
        require(file.templates() != null, where + ": templates is missing");
        Map<Audience, Integer> budgets = new EnumMap<>(Audience.class);
        for (Audience a : Audience.values()) {
            Integer budget = file.segments() == null ? null : file.segments().get(key(a));
            require(budget != null && budget > 0, where + ": segments." + key(a) + " must be a positive number");
            budgets.put(a, budget);
        }
        for (String language : LANGUAGES) {
            Map<WarningLevel, String> names = file.levels() == null ? null : file.levels().get(language);
            require(names != null && names.keySet().containsAll(List.of(WarningLevel.values())),
                    where + ": levels." + language + " must name every level " + List.of(WarningLevel.values()));
        }
        Engine engine = Engine.builder().addDefaults().strictRendering(true).build();
        Map<String, Template> templates = new HashMap<>();
        file.templates().forEach((audience, kinds) -> {
            Audience a = parse(Audience.class, audience, where + ": templates." + audience);
            kinds.forEach((kind, languages) -> {
                String path = "templates." + audience + "." + kind;
                String[] parts = kind.split("\\.", 2);
                Kind k = parse(Kind.class, parts[0], where + ": " + path);
                WarningLevel level = parts.length > 1 ? parse(WarningLevel.class, parts[1], where + ": " + path) : null;
                require(languages.keySet().containsAll(LANGUAGES), where + ": " + path + " needs " + LANGUAGES);
                languages.forEach((language, text) -> {
                    require(LANGUAGES.contains(language), where + ": " + path + "." + language
                            + " is not a supported language " + LANGUAGES);
                    templates.put(id(a, k, level, language), engine.parse(text));
                });
            });
        });
        require(file.digest() != null && file.digest().keySet().containsAll(LANGUAGES),
                where + ": digest needs " + LANGUAGES);
        Map<String, Template> digests = new HashMap<>();
        LANGUAGES.forEach(language -> digests.put(language, engine.parse(file.digest().get(language))));
        MessageTemplates result = new MessageTemplates(file.drillMarker(), budgets, file.levels(), templates, digests);
        result.check(file.sample(), where);
        return result;
    }

    private void check(Sample s, String where) {
        for (Audience a : Audience.values()) {
            for (Kind k : Kind.values()) {
                require(templates.containsKey(id(a, k, null, DEFAULT_LANGUAGE)),
                        where + ": templates." + key(a) + "." + key(k) + " is missing");
            }
        }
        templates.forEach((id, template) -> {
            String[] parts = id.split("/");
            Audience a = Audience.valueOf(parts[0]);
            String language = parts[2];
            String text;
            try {
                text = fill(template.instance(), language, new Values(s.city(), s.level(), s.recipient(),
                        s.instructions(), s.deadline(), s.ackCode(), s.ackLink(), s.orderCode(), true, s.period()))
                        .render();
            } catch (TemplateException e) {
                throw new IllegalArgumentException(where + ": template " + id + ": " + e.getMessage(), e);
            }
            requireBudget(text, a, where + ": template " + id);
        });
        for (String language : LANGUAGES) {
            String text;
            try {
                text = render(language, new Digest(s.city(), s.level(), s.recipient(), 812, 431, 12, s.ackCode(), true));
            } catch (TemplateException e) {
                throw new IllegalArgumentException(where + ": digest." + language + ": " + e.getMessage(), e);
            }
            requireBudget(text, Audience.UNIT, where + ": digest." + language);
        }
    }

    private void requireBudget(String text, Audience a, String what) {
        int segments = SmsSegments.count(drillMarker + text);
        require(segments <= budgets.get(a), what + " takes " + segments + " SMS segments with the sample values, "
                + "more than the " + key(a) + " budget of " + budgets.get(a));
    }

    /** The digest in a language; counts that are zero are left out ("812 家企业、431 所学校"). */
    public String render(String language, Digest d) {
        String lang = LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
        boolean zh = lang.equals(DEFAULT_LANGUAGE);
        List<String> counts = new ArrayList<>();
        if (d.enterprises() > 0) {
            counts.add(zh ? d.enterprises() + " 家企业" : d.enterprises() + " enterprise" + plural(d.enterprises()));
        }
        if (d.schools() > 0) {
            counts.add(zh ? d.schools() + " 所学校" : d.schools() + " school" + plural(d.schools()));
        }
        if (d.units() > 0) {
            counts.add(zh ? d.units() + " 个单位" : d.units() + " responsible unit" + plural(d.units()));
        }
        String text = digests.get(lang).instance().data("city", d.city())
                .data("level", levelNames.get(lang).get(d.level())).data("recipient", d.recipient())
                .data("counts", String.join(zh ? "、" : ", ", counts)).data("ackCode", d.ackCode()).render();
        return d.exercise() ? drillMarker + text : text;
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    /** The message text; exercise messages start with the drill marker. */
    public String render(Audience audience, Kind kind, String language, Values v) {
        String lang = LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
        Template template = templates.getOrDefault(id(audience, kind, v.level(), lang),
                templates.get(id(audience, kind, null, lang)));
        String instructions = v.instructions() == null ? "" : v.instructions();
        if (instructions.startsWith(drillMarker)) {
            instructions = instructions.substring(drillMarker.length());
        }
        // The templates end the instructions themselves: no "。。" or ".。".
        instructions = instructions.strip().replaceAll("[。.；;，,]+$", "");
        Values clean = new Values(v.city(), v.level(), v.recipient(), instructions, v.deadline(), v.ackCode(),
                v.ackLink(), v.orderCode(), v.exercise(), v.period());
        String text = fill(template.instance(), lang, clean).render();
        return v.exercise() ? drillMarker + text : text;
    }

    /** The level's name in a language ("红色", "red"), as the messages use it. */
    public String levelName(String language, WarningLevel level) {
        return levelNames.get(LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE).get(level);
    }

    public int budget(Audience audience) {
        return budgets.get(audience);
    }

    private TemplateInstance fill(TemplateInstance t, String language, Values v) {
        return t.data("city", v.city()).data("level", levelNames.get(language).get(v.level()))
                .data("recipient", v.recipient()).data("instructions", v.instructions())
                .data("deadline", v.deadline()).data("ackCode", v.ackCode())
                .data("ackLink", v.ackLink()).data("orderCode", v.orderCode()).data("period", v.period());
    }

    private static String id(Audience a, Kind k, WarningLevel level, String language) {
        return a + "/" + k + (level == null ? "" : "." + level) + "/" + language;
    }

    private static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
