package io.airwarn.core;

/**
 * How many SMS segments a text takes: GSM-7 text 160 characters alone or 153 per segment, anything else (Chinese)
 * UCS-2, 70 alone or 67 per segment.
 */
public final class SmsSegments {

    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private SmsSegments() {
    }

    public static int count(String text) {
        boolean gsm = text.chars().allMatch(c -> GSM7.indexOf(c) >= 0);
        int length = text.codePointCount(0, text.length());
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        return length <= single ? 1 : (length + multi - 1) / multi;
    }
}
