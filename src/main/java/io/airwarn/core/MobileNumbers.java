package io.airwarn.core;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Whether a contact number can receive SMS: a valid mobile number written in E.164 (+8613912345678). */
public final class MobileNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private MobileNumbers() {
    }

    /** The country calling code of a number that passed {@link #problem}. */
    public static int countryCode(String number) {
        try {
            return PHONES.parse(number, null).getCountryCode();
        } catch (NumberParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A number as people type it, in E.164: "13912345678", "139 1234 5678" and "0086 139-1234-5678" are mainland
     * numbers (+8613912345678); one with + keeps its country. What cannot be read is returned as typed, for
     * {@link #problem} to name.
     */
    public static String asTyped(String typed) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        try {
            return PHONES.format(PHONES.parse(typed.strip(), "CN"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return typed;
        }
    }

    /** Why the number cannot be used for SMS, if it cannot. */
    public static Optional<String> problem(String number) {
        if (number == null || !number.startsWith("+")) {
            return Optional.of("'" + number + "' is not in E.164 form (+ and country code, e.g. +8613912345678)");
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(number, null);
            if (!PHONES.isValidNumber(parsed)) {
                return Optional.of("'" + number + "' is not a valid phone number");
            }
            PhoneNumberUtil.PhoneNumberType type = PHONES.getNumberType(parsed);
            if (type != PhoneNumberUtil.PhoneNumberType.MOBILE
                    && type != PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return Optional.of("'" + number + "' is not a mobile number (" + type + ")");
            }
            if (!PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).equals(number)) {
                return Optional.of("'" + number + "' is not in E.164 form; write "
                        + PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
            return Optional.empty();
        } catch (NumberParseException e) {
            return Optional.of("'" + number + "' is not a phone number (" + e.getMessage() + ")");
        }
    }
}
