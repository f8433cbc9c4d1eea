package org.smartcontainer.sampleapps.connect;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.Comparator;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.ApiFilter;
import org.smartcontainer.ontology.ApiParameter;
import org.smartcontainer.ontology.SmartOntology;

/**
 * The client library's generated API methods (smart-connect-js.md section 5), one per ontology call, so that
 * the ontology stays their only source: client method name, HTTP method, path template, and the query
 * parameters the call declares (paging, filters, other parameters).
 */
public final class ClientMethods {

    private ClientMethods() {
    }

    /** {@code [{name, method, path, category, multiple, params: [...]}, ...]}, sorted by name. */
    public static JsonArray of(SmartOntology ontology) {
        JsonArrayBuilder calls = Json.createArrayBuilder();
        ontology.calls().stream()
                .filter(c -> c.clientMethodName() != null && !c.clientMethodName().isBlank())
                .sorted(Comparator.comparing(ApiCall::clientMethodName))
                .forEach(call -> {
                    JsonArrayBuilder params = Json.createArrayBuilder();
                    if (call.multiple() && call.paged()) {
                        params.add("limit").add("offset");
                    }
                    call.filters().stream().map(ApiFilter::parameterName).forEach(params::add);
                    call.parameters().stream().map(ApiParameter::parameterName).forEach(params::add);
                    calls.add(Json.createObjectBuilder()
                            .add("name", call.clientMethodName())
                            .add("method", call.httpMethod())
                            .add("path", call.path())
                            .add("category", call.category())
                            .add("multiple", call.multiple())
                            .add("params", params));
                });
        return calls.build();
    }
}
