package io.airwarn.core;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** AirWarn's dates and hours are Beijing time; the database stores instants. */
public final class BeijingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);
    /** To the second with the offset, as the API and CAP give times: 2026-12-01T07:00:00+08:00 (never "Z"). */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    /** To the minute, as pages and texts show times: 2026-12-01 07:00. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BeijingTime() {
    }

    public static OffsetDateTime toOffset(LocalDateTime beijing) {
        return beijing.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDateTime toLocal(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).toLocalDateTime();
    }

    /** The instant in Beijing time to the second, with its offset. */
    public static String withOffset(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).format(SECONDS);
    }

    /** The instant in Beijing time to the minute, for people. */
    public static String minute(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).format(MINUTE);
    }

    /** The instant in Beijing time as a Chinese SMS writes it: "12月2日 07:00". */
    public static String chinese(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).format(CHINESE);
    }

    /** A time the API gives as ISO-8601 with its offset, to the minute in Beijing time; "" for none. */
    public static String minute(String isoWithOffset) {
        return isoWithOffset == null || isoWithOffset.isEmpty() ? "" : minute(OffsetDateTime.parse(isoWithOffset));
    }
}
