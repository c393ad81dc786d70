package io.airwarn.observation;

import io.airwarn.aqi.AqiItem;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Lists of AQI items are stored as comma-separated keys. */
final class ItemList {

    private ItemList() {
    }

    static String format(List<AqiItem> items) {
        return items.stream().map(AqiItem::name).collect(Collectors.joining(","));
    }

    static List<AqiItem> parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(AqiItem::valueOf).toList();
    }
}
