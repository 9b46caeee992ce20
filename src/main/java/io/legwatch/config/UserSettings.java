package io.legwatch.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user arranged and expects back next time: window placement and column widths.
 * Immutable; change it with the {@code with*} methods and hand the result to {@link SettingsStore#update}.
 *
 * @param windowX        left edge, NaN until the window was placed once
 * @param windowY        top edge, NaN until the window was placed once
 * @param windowWidth    width in pixels (> 0)
 * @param windowHeight   height in pixels (> 0)
 * @param maximized      whether the window was maximised
 * @param columnWidths   column id to width in pixels
 */
public record UserSettings(double windowX, double windowY, double windowWidth, double windowHeight,
                           boolean maximized, Map<String, Double> columnWidths) {
    public static final UserSettings DEFAULT = new UserSettings(Double.NaN, Double.NaN, 1520, 900, false, Map.of());

    public UserSettings {
        if (!(windowWidth > 0) || !(windowHeight > 0)) {
            throw new IllegalArgumentException("window size must be positive, was " + windowWidth + "x" + windowHeight);
        }
        columnWidths = columnWidths == null ? Map.of() : Map.copyOf(columnWidths);
    }

    public boolean hasWindowPosition() {
        return !Double.isNaN(windowX) && !Double.isNaN(windowY);
    }

    public UserSettings withWindow(double x, double y, double width, double height, boolean max) {
        return new UserSettings(x, y, width, height, max, columnWidths);
    }

    public UserSettings withColumnWidth(String columnId, double width) {
        Map<String, Double> widths = new LinkedHashMap<>(columnWidths);
        widths.put(columnId, width);
        return new UserSettings(windowX, windowY, windowWidth, windowHeight, maximized, widths);
    }
}
