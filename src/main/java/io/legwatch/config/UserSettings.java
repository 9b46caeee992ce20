package io.legwatch.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user arranged and expects back next time: window placement, column widths and whether
 * the alarm sound is muted (a trader who muted it must not be surprised by it after a restart, and
 * one who did not must not lose it).
 * Immutable; change it with the {@code with*} methods and hand the result to {@link SettingsStore#update}.
 *
 * @param windowX        left edge, NaN until the window was placed once
 * @param windowY        top edge, NaN until the window was placed once
 * @param windowWidth    width in pixels (> 0)
 * @param windowHeight   height in pixels (> 0)
 * @param maximized      whether the window was maximised
 * @param columnWidths   column id to width in pixels
 * @param alarmMuted     whether the NAKED / FLATTEN FAILED alarm sound is muted
 */
public record UserSettings(double windowX, double windowY, double windowWidth, double windowHeight,
                           boolean maximized, Map<String, Double> columnWidths, boolean alarmMuted) {
    public static final UserSettings DEFAULT = new UserSettings(Double.NaN, Double.NaN, 1520, 900, false, Map.of(), false);

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
        return new UserSettings(x, y, width, height, max, columnWidths, alarmMuted);
    }

    public UserSettings withColumnWidth(String columnId, double width) {
        Map<String, Double> widths = new LinkedHashMap<>(columnWidths);
        widths.put(columnId, width);
        return new UserSettings(windowX, windowY, windowWidth, windowHeight, maximized, widths, alarmMuted);
    }

    public UserSettings withAlarmMuted(boolean muted) {
        return new UserSettings(windowX, windowY, windowWidth, windowHeight, maximized, columnWidths, muted);
    }
}
