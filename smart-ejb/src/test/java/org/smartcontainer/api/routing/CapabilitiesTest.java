package org.smartcontainer.api.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.junit.jupiter.api.Test;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;

/** The manifest capabilities equal the table of the manifest spec, section 1.2. */
class CapabilitiesTest {

    private static final String SP = "http://smartplatforms.org/terms#";

    private static Map<String, Set<String>> specTable() {
        Map<String, Set<String>> table = new TreeMap<>();
        for (String c : List.of("Allergy", "Demographics", "Document", "Encounter", "FamilyHistory", "Fulfillment",
                "Immunization", "LabPanel", "LabResult", "Medication", "Photograph", "Problem", "Procedure",
                "SocialHistory", "VitalSignSet", "AppManifest", "ContainerManifest", "Ontology", "User")) {
            table.put(SP + c, Set.of("GET"));
        }
        table.put(SP + "ClinicalNote", Set.of("GET", "POST"));
        table.put(SP + "ScratchpadData", Set.of("GET", "PUT", "DELETE"));
        table.put(SP + "UserPreferences", Set.of("GET", "PUT", "DELETE"));
        return table;
    }

    @Test
    void capabilitiesOfTheShippedOntologyEqualTheSpecTable() {
        Capabilities capabilities = ApiRouter.fromOntology(SmartOntology.loadDefault()).capabilities();
        Map<String, Set<String>> actual = new TreeMap<>();
        capabilities.methodsByClass().forEach((k, v) -> actual.put(k.stringValue(), new HashSet<>(v)));
        assertEquals(specTable(), actual);
    }

    @Test
    void theManifestJsonHasAMethodsArrayPerClass() {
        JsonObject json = ApiRouter.fromOntology(SmartOntology.loadDefault()).capabilities().toJson();
        Map<String, Set<String>> fromJson = new TreeMap<>();
        json.forEach((k, v) -> fromJson.put(k, v.asJsonObject().getJsonArray("methods").getValuesAs(
                JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet())));
        assertEquals(specTable(), fromJson);
    }

    @Test
    void callsThatAreNotServedAreNotAdvertised() {
        List<ApiCall> withoutWrites = SmartOntology.loadDefault().calls().stream()
                .filter(c -> !c.httpMethod().equals("POST")).toList();
        Capabilities capabilities = ApiRouter.of(withoutWrites).capabilities();
        assertEquals(List.of("GET"), capabilities.methodsByClass().get(
                SimpleValueFactory.getInstance().createIRI(SP + "ClinicalNote")));
    }
}
