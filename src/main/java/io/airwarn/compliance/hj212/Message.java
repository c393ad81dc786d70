package io.airwarn.compliance.hj212;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data segment read: the header fields as sent (PNUM and PNO only for split packets, null otherwise), the
 * protocol version from Flag, the CP's DataTime in Beijing local time (null when the command has none), the
 * pollutant items in the order sent with 2005 codes mapped to 2017 ones, and the CP's other fields (QnRtn, ExeRtn,
 * SystemTime, BeginTime...). Values stay the strings sent: units and precision are the device's.
 */
public record Message(String qn, String st, String cn, String pw, String mn, int flag, Integer pnum, Integer pno,
                      Version version, LocalDateTime dataTime, List<Item> items, Map<String, String> cpFields)
        implements Parsed {

    /** Flag bit A: the device waits for an answer (9014 for data). */
    public static final int FLAG_REPLY = 1;
    /** Flag bit D: the upload is split, PNUM and PNO say which packet this is. */
    public static final int FLAG_SPLIT = 2;

    public Message {
        items = List.copyOf(items);
        cpFields = Collections.unmodifiableMap(new LinkedHashMap<>(cpFields));
    }

    public boolean replyRequested() {
        return (flag & FLAG_REPLY) != 0;
    }

    public boolean split() {
        return (flag & FLAG_SPLIT) != 0;
    }

    /** The item of that (2017) code, or null. */
    public Item item(String code) {
        for (Item item : items) {
            if (item.code().equals(code)) {
                return item;
            }
        }
        return null;
    }

    /**
     * Flag's version bits V5..V0. 2025's value is what libraries use while the text is unpublished (hj212.md §7);
     * frames with other values are refused.
     */
    public enum Version {
        HJ212_2005, HJ212_2017, HJ212_2025;

        /** The version of a Flag value, or null when its bits name none of the three. */
        public static Version of(int flag) {
            return switch (flag >>> 2) {
                case 0 -> HJ212_2005;
                case 1 -> HJ212_2017;
                case 2 -> HJ212_2025;
                default -> null;
            };
        }
    }

    /**
     * One pollutant or parameter: its code and its fields by name without the code (Rtd, Min, Avg, Max, ZsAvg, Cou,
     * Flag, EFlag, SampleTime...), as sent.
     */
    public record Item(String code, Map<String, String> fields) {

        public Item {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The field as a number, or null when absent or not a number (some devices send "" or "-"). */
        public Double number(String field) {
            String value = fields.get(field);
            if (value == null || value.isEmpty() || !decimal(value)) {
                return null;
            }
            try {
                double number = Double.parseDouble(value);
                return Double.isFinite(number) ? number : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Plain decimal notation only: parseDouble would also take "NaN", "0x1p3" or "1.5d". */
        private static boolean decimal(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                    return false;
                }
            }
            return true;
        }

        /** The data flag [数据标记] (N, F, M, S, D, C, T, B, or 2005's P...), raw; null when not sent. */
        public String flag() {
            return fields.get("Flag");
        }
    }
}
