package io.airwarn.situation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.city.City;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvinceMapTest {

    private static final List<String> PREFECTURES = List.of("220100", "220200", "220300", "220400", "220500",
            "220600", "220700", "220800", "222400");

    private static City unit(String code, double lat, double lon) {
        return new City(code, code, code, lat, lon, true, null, List.of());
    }

    @Test
    void everyPrefectureHasAnOutlineAndTheSeatsFallOnTheMap() {
        ProvinceMap map = new ProvinceMap();
        for (String code : PREFECTURES) {
            CitySituation.MapShape shape = map.shape(unit(code, 43.88, 125.32));
            assertNotNull(shape.outline(), code + " has an outline");
            assertTrue(shape.outline().startsWith("M"), code + ": " + shape.outline());
        }
        // Changchun's and Yanji's seats, west and east: inside the 100-unit-wide map, Yanji far to the east.
        double changchun = map.x(125.32);
        double yanji = map.x(129.51);
        assertTrue(changchun > 0 && changchun < 100 && yanji > changchun + 30 && yanji < 100, changchun + " " + yanji);
        assertTrue(map.y(45.62) < map.y(41.73), "Baicheng lies north of Tonghua");
    }
}
