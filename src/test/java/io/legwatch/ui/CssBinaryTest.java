package io.legwatch.ui;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary stylesheet the build writes beside legwatch.css (src/build/CssToBinary.java) is what
 * JavaFX loads instead of the CSS text, so it must say exactly what the CSS says: a .bss that was
 * not regenerated after a CSS edit would silently show the old styles.
 */
class CssBinaryTest {
    @Test
    void theBinaryStylesheetHasEveryRuleOfTheCssText() throws IOException {
        URL css = Css.class.getResource("/io/legwatch/ui/legwatch.css");
        URL bss = Css.class.getResource("/io/legwatch/ui/legwatch.bss");
        assertThat(css).isNotNull();
        assertThat(bss).as("legwatch.bss beside legwatch.css (made in process-classes)").isNotNull();

        Stylesheet parsed = new CssParser().parse(css);
        Stylesheet binary = Stylesheet.loadBinary(bss);

        assertThat(parsed.getRules()).hasSizeGreaterThan(50);
        assertThat(describe(binary.getRules())).isEqualTo(describe(parsed.getRules()));
    }

    @Test
    void theAppLoadsTheBinarySiblingOfTheUrlItAsksFor() {
        // StyleManager swaps X.css for X.bss when the sibling exists: the app keeps asking for the .css.
        assertThat(Css.url()).endsWith("/io/legwatch/ui/legwatch.css");
    }

    /** Selectors and declarations (property and parsed value) of every rule, in order. */
    private static List<String> describe(List<Rule> rules) {
        return rules.stream()
                .map(r -> r.getSelectors() + " { " + r.getDeclarations().stream()
                        .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                        .collect(Collectors.joining("; ")) + " }")
                .collect(Collectors.toList());
    }
}
