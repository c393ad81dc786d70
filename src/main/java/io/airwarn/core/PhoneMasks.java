package io.airwarn.core;

import java.util.regex.Pattern;

/** Phone numbers never reach the log whole: the middle digits of anything number-like are masked. */
public final class PhoneMasks {

    /** An E.164 number, as text or URL-encoded (%2B). */
    private static final Pattern PHONE = Pattern.compile("(\\+|%2B)(\\d{3,5})\\d{4,}(\\d{4})");

    private PhoneMasks() {
    }

    public static String mask(String text) {
        return text == null ? null : PHONE.matcher(text).replaceAll("$1$2****$3");
    }
}
