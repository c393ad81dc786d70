package io.airwarn.compliance.hj212;

import io.airwarn.core.SaneDates;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a data segment {@code QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&} into a {@link Message}, or
 * says which field is wrong. Tolerant where real devices differ and nothing is lost: 2005 frames (no QN, no Flag),
 * CP without its {@code &&}, unknown header fields, text values containing {@code ,} or {@code ;}. Strict where a
 * wrong value would file data under the wrong device or time: MN, PW, CN, ST, Flag, PNUM/PNO, DataTime.
 */
public final class SegmentParser {

    /** The commands whose CP must carry the DataTime their values belong to. */
    private static final Set<String> NEEDS_DATA_TIME = Set.of("2011", "2031", "2041", "2051", "2061");
    private static final int MAX_MN = 24;
    private static final int PW_LENGTH = 6;
    private static final int MAX_QN = 20;

    private SegmentParser() {
    }

    public static Parsed parse(String segment) {
        int cp = cpStart(segment);
        Map<String, String> header = header(segment, cp < 0 ? segment.length() : cp);
        String mn = header.get("MN");
        if (mn == null || mn.isEmpty() || mn.length() > MAX_MN || !mnChars(mn)) {
            return malformed(null, "MN", mn == null ? "missing"
                    : quote(mn) + " is not 1 to 24 characters of 0-9, A-Z, a-z, _ and -");
        }
        if (cp < 0) {
            return malformed(mn, "CP", "missing");
        }
        String qn = header.get("QN");
        if (qn != null && (qn.isEmpty() || qn.length() > MAX_QN || !digits(qn))) {
            return malformed(mn, "QN", quote(qn) + " is not up to 20 digits (YYYYMMDDhhmmsszzz)");
        }
        String st = header.get("ST");
        if (st == null || st.length() != 2 || !digits(st)) {
            return malformed(mn, "ST", st == null ? "missing" : quote(st) + " is not 2 digits");
        }
        String cn = header.get("CN");
        if (cn == null || cn.length() != 4 || !digits(cn)) {
            return malformed(mn, "CN", cn == null ? "missing" : quote(cn) + " is not 4 digits");
        }
        String pw = header.get("PW");
        if (pw == null || pw.length() != PW_LENGTH) {
            return malformed(mn, "PW", pw == null ? "missing" : "not 6 characters");
        }
        String flagText = header.get("Flag");
        int flag = 0;
        if (flagText != null) {
            flag = flagText.isEmpty() || flagText.length() > 3 || !digits(flagText) ? -1 : Integer.parseInt(flagText);
            if (flag < 0 || flag > 255) {
                return malformed(mn, "Flag", quote(flagText) + " is not a number 0..255");
            }
        }
        Message.Version version = Message.Version.of(flag);
        if (version == null) {
            return new Refusal(Refusal.Reason.UNKNOWN_VERSION, "Flag=" + flag + ": version bits " + (flag >>> 2)
                    + " are none of 0 (2005), 1 (2017), 2 (2025)", mn);
        }
        Integer pnum = null;
        Integer pno = null;
        if ((flag & Message.FLAG_SPLIT) != 0) {
            pnum = packetNumber(header.get("PNUM"));
            if (pnum == null) {
                return malformed(mn, "PNUM", quote(header.get("PNUM")) + " is not 1..9999 in a split packet");
            }
            pno = packetNumber(header.get("PNO"));
            if (pno == null || pno > pnum) {
                return malformed(mn, "PNO", quote(header.get("PNO")) + " is not 1.." + pnum);
            }
        }
        List<Message.Item> items = new ArrayList<>();
        Map<String, String> cpFields = new LinkedHashMap<>();
        String problem = cp(segment, cp + 3, items, cpFields);
        if (problem != null) {
            return malformed(mn, "CP", problem);
        }
        LocalDateTime dataTime = null;
        String dataTimeText = cpFields.get("DataTime");
        if (dataTimeText != null) {
            dataTime = dateTime(dataTimeText);
            if (dataTime == null) {
                return malformed(mn, "DataTime", quote(dataTimeText) + " is not a time YYYYMMDDhhmmss");
            }
        } else if (NEEDS_DATA_TIME.contains(cn)) {
            return malformed(mn, "DataTime", "missing from a " + cn + " upload");
        }
        return new Message(qn, st, cn, pw, mn, flag, pnum, pno, version, dataTime, items, cpFields);
    }

    /** "CP=" where a field begins; the CP comes last and its values may hold anything. */
    private static int cpStart(String segment) {
        int at = segment.indexOf("CP=");
        while (at > 0 && segment.charAt(at - 1) != ';') {
            at = segment.indexOf("CP=", at + 1);
        }
        return at;
    }

    /** Header fields before the CP; the first of a repeated field counts, unknown fields are kept but unused. */
    private static Map<String, String> header(String segment, int end) {
        Map<String, String> fields = new LinkedHashMap<>(12);
        int start = 0;
        while (start < end) {
            int semicolon = segment.indexOf(';', start);
            int stop = semicolon < 0 || semicolon > end ? end : semicolon;
            int eq = segment.indexOf('=', start);
            if (eq > start && eq < stop) {
                fields.putIfAbsent(segment.substring(start, eq), segment.substring(eq + 1, stop));
            }
            start = stop + 1;
        }
        return fields;
    }

    /**
     * Reads the CP from {@code from}: {@code key=value} pairs separated by {@code ;} (items) and {@code ,} (fields
     * of an item), which this reader treats alike since devices mix them. A piece without {@code =} continues the
     * previous value (free text holding a separator). Returns the problem, or null.
     */
    private static String cp(String segment, int from, List<Message.Item> items, Map<String, String> cpFields) {
        int start = from;
        int end = segment.length();
        while (start < end && segment.charAt(start) == '&') {
            start++;
        }
        while (end > start && segment.charAt(end - 1) == '&') {
            end--;
        }
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        String lastCode = null;
        String lastKey = null;
        int at = start;
        while (at < end) {
            int stop = at;
            while (stop < end && segment.charAt(stop) != ';' && segment.charAt(stop) != ',') {
                stop++;
            }
            int eq = segment.indexOf('=', at);
            if (eq < 0 || eq >= stop) {
                if (stop > at && lastKey == null) {
                    return quote(segment.substring(at, stop)) + " has no '='";
                }
                if (stop > at) {
                    Map<String, String> target = lastCode == null ? cpFields : byCode.get(lastCode);
                    target.put(lastKey, target.get(lastKey) + segment.charAt(at - 1) + segment.substring(at, stop));
                }
            } else if (eq == at) {
                return "a value without a name at " + quote(segment.substring(at, stop));
            } else {
                String key = segment.substring(at, eq);
                String value = segment.substring(eq + 1, stop);
                int dash = key.indexOf('-');
                if (dash > 0 && dash < key.length() - 1) {
                    String code = LegacyCodes.to2017(key.substring(0, dash));
                    String field = key.substring(dash + 1);
                    Map<String, String> fields = byCode.computeIfAbsent(code, c -> new LinkedHashMap<>(8));
                    if (fields.putIfAbsent(field, value) == null) {
                        lastCode = code;
                        lastKey = field;
                    }
                } else {
                    if (cpFields.putIfAbsent(key, value) == null) {
                        lastCode = null;
                        lastKey = key;
                    }
                }
            }
            at = stop + 1;
        }
        byCode.forEach((code, fields) -> items.add(new Message.Item(code, fields)));
        return null;
    }

    /** YYYYMMDDhhmmss in Beijing local time, or null. */
    static LocalDateTime dateTime(String text) {
        if (text.length() != 14 || !digits(text)) {
            return null;
        }
        int year = Integer.parseInt(text.substring(0, 4));
        if (SaneDates.yearProblem(year).isPresent()) {
            return null;
        }
        try {
            return LocalDateTime.of(year, Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6, 8)),
                    Integer.parseInt(text.substring(8, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Integer packetNumber(String text) {
        if (text == null || text.isEmpty() || text.length() > 4 || !digits(text)) {
            return null;
        }
        int n = Integer.parseInt(text);
        return n >= 1 ? n : null;
    }

    private static Refusal malformed(String mn, String field, String problem) {
        return new Refusal(Refusal.Reason.MALFORMED, field + ": " + problem, mn);
    }

    /** A value for a log line: quoted, at most 40 characters, since it comes from outside. */
    private static String quote(String value) {
        return value == null ? "none" : "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean mnChars(String mn) {
        for (int i = 0; i < mn.length(); i++) {
            if (!isMnChar(mn.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 0-9, A-Z, a-z, _ and -: hex EPC-96 numbers, 14-character 2005 ones and free-text ones (hj212.md §2). */
    static boolean isMnChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
    }
}
