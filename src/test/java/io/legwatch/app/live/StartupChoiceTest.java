package io.legwatch.app.live;

import io.legwatch.app.DemoMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartupChoiceTest {
    private static final String VALID = """
            { "venues": [ { "id": "sim-a", "type": "sim" } ],
              "strategies": [ { "id": "s", "legs": [ { "venue": "sim-a", "symbol": "BTCUSDT", "side": "long" } ] } ] }
            """;
    private static final String BAD = """
            { "venues": [ { "id": "x", "type": "binanse" } ] }
            """;

    @TempDir
    Path dataDir;

    @Test
    void noArgumentsAndNoConfigFileOpensTheDemo() {
        StartupChoice c = StartupChoice.decide(List.of(), dataDir);
        assertThat(c).isInstanceOf(StartupChoice.Demo.class);
        assertThat(((StartupChoice.Demo) c).seed()).isEqualTo(DemoMode.DEFAULT_SEED);
    }

    @Test
    void noArgumentsUsesTheConfigFileInTheDataDirectory() throws Exception {
        Path file = Files.writeString(dataDir.resolve("config.json"), VALID);
        StartupChoice c = StartupChoice.decide(List.of(), dataDir);
        assertThat(c).isInstanceOfSatisfying(StartupChoice.Live.class, live -> {
            assertThat(live.file()).isEqualTo(file);
            assertThat(live.config().strategies()).extracting(s -> s.id()).containsExactly("s");
        });
    }

    @Test
    void demoFlagWinsOverAConfigFileAndTakesASeed() throws Exception {
        Files.writeString(dataDir.resolve("config.json"), VALID);
        assertThat(StartupChoice.decide(List.of("--demo", "--seed=42"), dataDir))
                .isEqualTo(new StartupChoice.Demo(42, "--demo", false));
        assertThat(StartupChoice.decide(List.of("--demo", "--in-process"), dataDir))
                .isEqualTo(new StartupChoice.Demo(DemoMode.DEFAULT_SEED, "--demo", true));
        assertThat(StartupChoice.decide(List.of("--config", "elsewhere.json", "--demo"), dataDir))
                .isInstanceOf(StartupChoice.Demo.class);
    }

    @Test
    void configFlagNamesTheFileInBothSpellings() throws Exception {
        Path file = Files.writeString(dataDir.resolve("mine.json"), VALID);
        assertThat(StartupChoice.decide(List.of("--config", file.toString()), dataDir))
                .isInstanceOfSatisfying(StartupChoice.Live.class, l -> assertThat(l.file()).isEqualTo(file));
        assertThat(StartupChoice.decide(List.of("--config=" + file), dataDir))
                .isInstanceOfSatisfying(StartupChoice.Live.class, l -> assertThat(l.file()).isEqualTo(file));
    }

    @Test
    void aBadConfigIsAMessageWithTheFieldPathNotAStart() throws Exception {
        Path file = Files.writeString(dataDir.resolve("config.json"), BAD);
        StartupChoice c = StartupChoice.decide(List.of(), dataDir);
        assertThat(c).isInstanceOfSatisfying(StartupChoice.Failed.class, f -> assertThat(f.message())
                .contains(file.toString()).contains("venues[0].type").contains("binanse"));
    }

    @Test
    void aMissingNamedFileOrPathIsAMessage() {
        assertThat(StartupChoice.decide(List.of("--config", dataDir.resolve("nope.json").toString()), dataDir))
                .isInstanceOfSatisfying(StartupChoice.Failed.class, f -> assertThat(f.message()).contains("not found"));
        assertThat(StartupChoice.decide(List.of("--config"), dataDir))
                .isInstanceOfSatisfying(StartupChoice.Failed.class, f -> assertThat(f.message()).contains("--config"));
        assertThat(StartupChoice.decide(List.of("--seed=x"), dataDir)).isInstanceOf(StartupChoice.Failed.class);
    }
}
