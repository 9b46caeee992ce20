package io.legwatch.ui;

import javafx.application.Application;
import javafx.scene.Parent;

import java.util.Objects;

/** Our stylesheet, for the main scene and for dialogs (each dialog has its own scene). */
public final class Css {
    private static final String THEME = "/atlantafx/base/theme/primer-dark.css";
    private static final String URL = Objects.requireNonNull(
            Css.class.getResource("/io/legwatch/ui/legwatch.css"), "legwatch.css missing").toExternalForm();

    private Css() {
    }

    /**
     * AtlantaFX Primer Dark as the user-agent stylesheet. Loaded by resource path rather than through
     * {@code new PrimerDark()}: atlantafx-base 2.1.0's classes are compiled for Java 21, while its CSS
     * works on our Java 17 runtime.
     */
    public static void installTheme() {
        Application.setUserAgentStylesheet(Objects.requireNonNull(
                Css.class.getResource(THEME), "AtlantaFX theme missing").toExternalForm());
    }

    public static String url() {
        return URL;
    }

    public static <T extends Parent> T apply(T node) {
        if (!node.getStylesheets().contains(URL)) {
            node.getStylesheets().add(URL);
        }
        return node;
    }
}
