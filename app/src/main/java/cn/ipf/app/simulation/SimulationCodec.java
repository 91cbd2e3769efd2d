package cn.ipf.app.simulation;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The stored JSON form of a simulation's compensation overrides. */
@Component
class SimulationCodec {

    private final JsonMapper json;

    SimulationCodec(JsonMapper json) {
        this.json = json;
    }

    String write(Simulations.CompensationOverrides overrides) {
        return json.writeValueAsString(overrides);
    }

    Simulations.CompensationOverrides compensation(String stored) {
        return json.readValue(stored, Simulations.CompensationOverrides.class);
    }
}
