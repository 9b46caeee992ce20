package io.legwatch.ui;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.Parent;

import java.util.Objects;

/**
 * Our stylesheet, for the main scene and for dialogs (each dialog has its own scene). The build
 * compiles legwatch.css to legwatch.bss beside it (process-classes, src/build/CssToBinary.java) and
 * JavaFX loads the .bss for this URL: after editing the CSS, build with Maven (an IDE that only copies
 * resources would keep showing the old .bss; CssBinaryTest catches that).
 */
public final class Css {
    private static final String URL = Objects.requireNonNull(
            Css.class.getResource("/io/legwatch/ui/legwatch.css"), "legwatch.css missing").toExternalForm();

    private Css() {
    }

    /** AtlantaFX Primer Dark as the user-agent stylesheet; our stylesheet goes on top of it. */
    public static void installTheme() {
        // The pre-compiled binary stylesheet: parsing the ~100 KB CSS text costs startup time.
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheetBSS());
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
