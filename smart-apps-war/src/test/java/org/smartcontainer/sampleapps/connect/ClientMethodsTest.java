package org.smartcontainer.sampleapps.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcontainer.ontology.SmartOntology;

class ClientMethodsTest {

    private static final SmartOntology ONTOLOGY = SmartOntology.loadDefault();

    private static Map<String, JsonObject> byName() {
        return ClientMethods.of(ONTOLOGY).stream().map(v -> (JsonObject) v)
                .collect(Collectors.toMap(o -> o.getString("name"), o -> o));
    }

    @Test
    void everyOntologyCallWithAClientNameBecomesOneMethod() {
        JsonArray methods = ClientMethods.of(ONTOLOGY);
        long named = ONTOLOGY.calls().stream().filter(c -> c.clientMethodName() != null && !c.clientMethodName().isBlank()).count();
        assertEquals(named, methods.size());
        assertTrue(methods.size() > 40, "the 0.6 client has about 50: " + methods.size());
    }

    @Test
    void theMethodsTheSampleAppsUseHaveTheOntologysPathsAndParameters() {
        Map<String, JsonObject> m = byName();
        assertEquals("/records/{record_id}/medications/", m.get("get_medications").getString("path"));
        assertEquals("GET", m.get("get_medications").getString("method"));
        List<String> vitals = m.get("get_vital_sign_sets").getJsonArray("params").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertTrue(vitals.containsAll(List.of("date_from", "date_to")), vitals.toString());
        assertEquals("PUT", m.get("put_scratchpad_data").getString("method"));
        assertEquals("POST", m.get("post_clinical_note").getString("method"));
        assertTrue(m.containsKey("get_ontology") && m.containsKey("get_user_preferences") && m.containsKey("get_demographics"));
    }
}
