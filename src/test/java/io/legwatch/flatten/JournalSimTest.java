package io.legwatch.flatten;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Side;
import io.legwatch.journal.IncidentLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.PERP;
import static io.legwatch.flatten.SimWorld.await;
import static org.assertj.core.api.Assertions.assertThat;

/** What a real flatten leaves in the journal: valid JSON lines, the whole story, no secrets; and the incident. */
class JournalSimTest extends SimWorldTest {
    static final String API_KEY = "AKIAFAKEKEY0123456789";
    static final String SECRET = "s3cr3t-DO-NOT-LEAK-9f8e7d";
    static final String PASSPHRASE = "correct-horse-battery";

    @Test
    void flattenJournalIsValidJsonTellsTheWholeStoryAndHoldsNoSecrets() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        double nakedAt = Math.abs(world.strategy().netUsd());
        world.trade(SimWorld.SPOT, Side.BUY, 1.0); // still NAKED, no transition: the peak comes from snapshots
        await(() -> world.qtyInSnapshot(SimWorld.SPOT) == 2.0, "engine sees 2 BTC");
        world.sim.faults(io.legwatch.sim.SimExchange.SIM_A).rejectNext(1);
        world.clock.advance(2_000);
        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:alice")
                .result().get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        world.awaitStatus(HedgeStatus.FLAT);
        // A credential-shaped value handed to the journal by mistake is scrubbed, however nested.
        world.journal.appendDurable("test.config", Map.of("venue", "sim-a", "apiKey", API_KEY,
                "auth", Map.of("secret", SECRET, "passphrase", PASSPHRASE), "headers",
                List.of(Map.of("X-Signature", SECRET))));
        await(() -> types().contains("incident"), "incident journaled");

        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
        List<String> lines = world.journalLines();
        for (String line : lines) {
            JsonNode n = strict.readTree(line);
            assertThat(n.isObject()).as(line).isTrue();
            assertThat(n.path("ts").isNumber()).as(line).isTrue();
            assertThat(n.path("seq").isNumber()).as(line).isTrue();
            assertThat(n.path("type").asText()).as(line).isNotEmpty();
            assertThat(line).doesNotContain(API_KEY).doesNotContain(SECRET).doesNotContain(PASSPHRASE);
        }
        assertThat(types()).contains("transition", "flatten.started", "order.cancelAll", "order.sent",
                "order.outcome", "leg.finished", "flatten.finished", "incident", "test.config");
        JsonNode finished = find("flatten.finished");
        assertThat(finished.path("firedBy").asText()).isEqualTo("user:alice");
        assertThat(finished.path("outcome").asText()).isEqualTo("VERIFIED_FLAT");
        assertThat(finished.path("receipts")).hasSize(2);
        assertThat(find("flatten.started").path("plan").path("lines").size()).isEqualTo(r.plan().lines().size());
        assertThat(find("order.outcome").path("state").asText()).isEqualTo("REJECTED");

        IncidentLog.Incident incident = world.incidents.recent().get(0);
        assertThat(incident.strategyId()).isEqualTo(BASIS);
        assertThat(incident.peakUsd()).isGreaterThan(1.5 * nakedAt);
        assertThat(incident.secondsNaked()).isGreaterThanOrEqualTo(2.0);
        assertThat(incident.firedBy()).containsExactly("user:alice");
        assertThat(incident.receipts()).hasSize(2).anySatisfy(l -> assertThat(l).contains("position zero: yes"));
        assertThat(incident.timeToFlatMs()).isNotNaN();
        assertThat(incident.endStatus()).isEqualTo(HedgeStatus.FLAT);
        JsonNode journaled = find("incident");
        assertThat(journaled.path("peakUsd").asDouble()).isEqualTo(incident.peakUsd());
        assertThat(journaled.path("endStatus").asText()).isEqualTo("FLAT");
    }

    @Test
    void hedgedAgainWithoutAFlattenClosesTheIncidentToo() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        world.trade(PERP, Side.SELL, 1.0);
        world.awaitStatus(HedgeStatus.HEDGED);
        await(() -> !world.incidents.recent().isEmpty(), "incident closed");
        IncidentLog.Incident i = world.incidents.recent().get(0);
        assertThat(i.endStatus()).isEqualTo(HedgeStatus.HEDGED);
        assertThat(i.firedBy()).isEmpty();
        assertThat(i.timeToFlatMs()).isNaN();
        assertThat(world.incidents.openIncidents()).isEmpty();
    }

    private List<String> types() {
        List<String> out = new ArrayList<>();
        try {
            for (String l : world.journalLines()) {
                out.add(new ObjectMapper().readTree(l).path("type").asText());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private JsonNode find(String type) throws Exception {
        for (String l : world.journalLines()) {
            JsonNode n = new ObjectMapper().readTree(l);
            if (n.path("type").asText().equals(type)) {
                return n;
            }
        }
        throw new AssertionError("no " + type + " record");
    }
}
