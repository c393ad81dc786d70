package io.airwarn.notify;

/**
 * An order's message is composed before the database numbers the order: it holds {@link #CODE} for the order's reply code
 * and {@link #TOKEN} for its one-time link, filled in when the message is queued.
 */
public final class OrderText {

    public static final String CODE = "%CODE%";
    public static final String TOKEN = "%TOKEN%";

    private OrderText() {
    }

    public static String fill(String template, String code, String token) {
        return template.replace(CODE, code).replace(TOKEN, token == null ? "" : token);
    }
}
