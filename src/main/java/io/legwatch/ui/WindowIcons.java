package io.legwatch.ui;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;

/** Window icons from {@code /io/legwatch/ui/icons/legwatch-N.png}; sizes that are missing are skipped quietly. */
final class WindowIcons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private WindowIcons() {
    }

    static void apply(Stage stage) {
        for (int size : SIZES) {
            try (InputStream in = WindowIcons.class.getResourceAsStream("/io/legwatch/ui/icons/legwatch-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException ignoredMissingOrUnreadableIconIsCosmetic) {
                // An icon is cosmetic: a missing or broken one must never stop the window.
            }
        }
    }
}
