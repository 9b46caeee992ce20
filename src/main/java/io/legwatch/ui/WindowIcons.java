package io.legwatch.ui;

import javafx.scene.image.Image;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Window icons from {@code /io/legwatch/ui/icons/legwatch-N.png}; sizes that are missing are skipped quietly. */
final class WindowIcons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private WindowIcons() {
    }

    /**
     * Decodes every icon size. Any thread (the app does it after the first frame, off the FX thread:
     * six PNG decodes are not part of what the trader first sees).
     */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = WindowIcons.class.getResourceAsStream("/io/legwatch/ui/icons/legwatch-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (java.io.IOException ignoredMissingOrUnreadableIconIsCosmetic) {
                // An icon is cosmetic: a missing or broken one must never stop the window.
            }
        }
        return icons;
    }
}
