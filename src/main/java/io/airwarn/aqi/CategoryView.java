package io.airwarn.aqi;

/** The category as the API shows it: {@code {"level", "zh", "en", "color"}}. */
public record CategoryView(int level, String zh, String en, String color) {

    public static CategoryView of(AqiCategory category) {
        return new CategoryView(category.level(), category.zh(), category.en(), category.color());
    }
}
