import javafx.css.Stylesheet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step (process-classes, see pom.xml): writes a binary stylesheet {@code X.bss} beside every
 * {@code X.css} under the given classes directory. JavaFX's StyleManager loads the {@code .bss}
 * sibling of a {@code .css} URL when there is one, so the app skips parsing the CSS text (and loading
 * the parser) while its first frame is built. Generated on every build from the source CSS, never
 * checked in, so it cannot go stale; {@code CssBinaryTest} also compares the two.
 *
 * <p>Run by the JDK's source launcher: {@code java -cp <JavaFX jars> src/build/CssToBinary.java DIR}.
 */
public final class CssToBinary {
    private CssToBinary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CssToBinary CLASSES_DIR");
        }
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            sheets = files.filter(p -> p.getFileName().toString().endsWith(".css")).sorted().collect(Collectors.toList());
        }
        for (Path css : sheets) {
            String name = css.getFileName().toString();
            File bss = css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss").toFile();
            Stylesheet.convertToBinary(css.toFile(), bss);
            if (!bss.isFile() || bss.length() == 0) {
                throw new IOException("no binary stylesheet written for " + css);
            }
        }
    }
}
