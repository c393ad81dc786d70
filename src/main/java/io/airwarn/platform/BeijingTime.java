package io.airwarn.platform;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** AirWarn's dates and hours are Beijing time; the database stores instants. */
public final class BeijingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BeijingTime() {
    }

    public static OffsetDateTime toOffset(LocalDateTime beijing) {
        return beijing.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDateTime toLocal(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).toLocalDateTime();
    }
}
