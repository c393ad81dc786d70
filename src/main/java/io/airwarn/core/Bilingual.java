package io.airwarn.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Plan texts and names are written in both languages, clause by clause: "停止2条生产线 (stop 2 production lines)；
 * 裸露堆场苫盖 (cover open stockpiles)", or "长春市教育局 / Changchun Education Bureau". An SMS to a Chinese recipient
 * carries the Chinese alone (half the segments, and what the recipient reads), the English message the English.
 * A clause without an English part is the same in both.
 */
public final class Bilingual {

    private static final String CLAUSES = "；";

    private Bilingual() {
    }

    public static String zh(String text) {
        return each(text, 0, CLAUSES);
    }

    public static String en(String text) {
        return each(text, 1, "; ");
    }

    private static String each(String text, int part, String joiner) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(text.split(CLAUSES)).map(c -> split(c.strip())[part]).filter(c -> !c.isEmpty())
                .collect(Collectors.joining(joiner));
    }

    /**
     * A clause as {Chinese, English}: a Chinese text with a trailing " (English)" or " / English" that has no
     * Chinese; any other clause is the same in both.
     */
    static String[] split(String clause) {
        int slash = clause.lastIndexOf(" / ");
        if (slash > 0 && !hasChinese(clause.substring(slash + 3)) && hasChinese(clause.substring(0, slash))) {
            return new String[] {clause.substring(0, slash).strip(), clause.substring(slash + 3).strip()};
        }
        if (clause.endsWith(")")) {
            int depth = 0;
            for (int i = clause.length() - 1; i >= 0; i--) {
                char c = clause.charAt(i);
                depth += c == ')' ? 1 : c == '(' ? -1 : 0;
                if (depth == 0) {
                    String inside = clause.substring(i + 1, clause.length() - 1);
                    if (i > 0 && clause.charAt(i - 1) == ' ' && !hasChinese(inside)
                            && hasChinese(clause.substring(0, i))) {
                        return new String[] {clause.substring(0, i).strip(), inside.strip()};
                    }
                    break;
                }
            }
        }
        return new String[] {clause, clause};
    }

    private static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || c >= 0xFF00 && c <= 0xFFEF || c >= 0x3000 && c <= 0x303F);
    }
}
