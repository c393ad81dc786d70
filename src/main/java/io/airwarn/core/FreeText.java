package io.airwarn.core;

/**
 * Text people type or files carry, before it is stored: bounded in length and free of control characters other than
 * tab and line breaks (NUL cannot be stored at all, and the others corrupt pages, CSV and logs).
 */
public final class FreeText {

    /** The longest text any single request field may carry. */
    public static final int MAX_FIELD = 10_000;
    /** Notes, reasons and names typed into the console and the portal. */
    public static final int MAX_NOTE = 2_000;

    private FreeText() {
    }

    /** Why the text is refused, or null. */
    public static String problem(String text, int max) {
        if (text.length() > max) {
            return "longer than " + max + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0x7f) {
                return "control character U+" + String.format("%04X", (int) ch) + " at position " + (i + 1);
            }
        }
        return null;
    }

    /**
     * Why a cell of an imported list or file is refused, or null: {@link #problem}, or a start that a spreadsheet
     * would run as a formula when the data are exported and opened again.
     */
    public static String cellProblem(String text, int max) {
        String problem = problem(text, max);
        if (problem == null && startsLikeFormula(text)) {
            problem = "starting with '" + text.charAt(0) + "', which a spreadsheet would run as a formula";
        }
        return problem;
    }

    public static boolean startsLikeFormula(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    /** The text itself, or a 400 naming the field; null stays null. */
    public static String require(String field, String text, int max) {
        String problem = text == null ? null : cellProblem(text, max);
        if (problem != null) {
            throw ApiException.badRequest("invalid_text", field + " is " + problem);
        }
        return text;
    }
}
