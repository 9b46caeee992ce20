package io.legwatch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM options are written twice in pom.xml: for {@code javafx:run} (javafx-maven-plugin
 * {@code <options>}, which WindowMemoryHarness also starts the app with) and for the installed launcher
 * (jpackage {@code --java-options}). The memory figures hold only if the two agree.
 */
class JvmOptionsInStepTest {
    private static final Path POM = Path.of("pom.xml");

    @Test
    void theInstalledLauncherStartsTheJvmAsJavafxRunDoes() throws IOException {
        String pom = Files.readString(POM);
        List<String> run = javafxRunOptions(pom);
        List<String> installed = new ArrayList<>(jpackageJavaOptions(pom));
        installed.remove("-Dlegwatch.installed=true"); // the one intended difference

        assertThat(run).as("javafx:run options").contains("-XX:+UseG1GC").anyMatch(o -> o.startsWith("-Xmx"));
        assertThat(installed).as("jpackage --java-options").containsExactlyElementsOf(run);
    }

    private static List<String> javafxRunOptions(String pom) {
        int plugin = pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>");
        int from = pom.indexOf("<options>", plugin);
        int to = pom.indexOf("</options>", from);
        assertThat(plugin).as("javafx-maven-plugin in pom.xml").isPositive();
        return values(Pattern.compile("<option>([^<]+)</option>").matcher(pom.substring(from, to)));
    }

    private static List<String> jpackageJavaOptions(String pom) {
        int execution = pom.indexOf("<id>jpackage-app-image</id>");
        int to = pom.indexOf("</execution>", execution);
        assertThat(execution).as("jpackage-app-image execution in pom.xml").isPositive();
        return values(Pattern.compile("<argument>--java-options</argument>\\s*<argument>([^<]+)</argument>")
                .matcher(pom.substring(execution, to)));
    }

    private static List<String> values(Matcher m) {
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }
}
