package io.legwatch.sim.main;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;

import java.util.List;

/**
 * Writes a Legwatch config file (the format of {@code io.legwatch.config.ConfigLoader}) for a running
 * simulator: one {@code environment: loopback} venue per front end with its URLs and the NAMES of the
 * environment variables holding its sim-only keys (never the keys), and the mapped demo strategies.
 * Pure; the simulator may not depend on the config package, so the format is written out here and a
 * test loads the result through ConfigLoader.
 */
public final class SimConfigWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimConfigWriter() {
    }

    public static String write(List<Served> venues, List<Strategy> strategies) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode vs = root.putArray("venues");
        for (Served s : venues) {
            ObjectNode v = vs.addObject();
            v.put("id", s.venueId().value());
            v.put("type", s.protocol().type());
            v.put("account", "Simulator " + s.account() + " via the " + s.protocol().type() + " protocol");
            v.put("environment", "loopback");
            v.put("restUrl", s.restUrl());
            v.put("wsUrl", s.wsUrl());
            ObjectNode c = v.putObject("credentials");
            c.put("apiKeyEnv", s.apiKeyEnv());
            c.put("apiSecretEnv", s.apiSecretEnv());
            s.passphraseEnv().ifPresent(p -> c.put("passphraseEnv", p));
            v.put("monitorOnly", false);
        }
        ArrayNode ss = root.putArray("strategies");
        for (Strategy st : strategies) {
            ObjectNode o = ss.addObject();
            o.put("id", st.id());
            o.put("name", st.name());
            ArrayNode legs = o.putArray("legs");
            for (Leg leg : st.legs()) {
                ObjectNode l = legs.addObject();
                l.put("venue", leg.instrument().venue().value());
                l.put("symbol", leg.instrument().symbol());
                l.put("side", leg.intendedSide() == Side.BUY ? "long" : "short");
                l.put("ratio", leg.targetRatio());
            }
            ObjectNode t = o.putObject("tolerance");
            t.put("maxAbsUsd", st.tolerance().maxAbsUsd());
            t.put("maxPctOfGross", st.tolerance().maxPctOfGross());
            t.put("graceSeconds", st.tolerance().grace().toMillis() / 1000.0);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config not serialisable", e); // cannot happen for a tree of strings and numbers
        }
    }
}
