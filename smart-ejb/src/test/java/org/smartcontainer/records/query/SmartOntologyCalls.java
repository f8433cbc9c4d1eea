package org.smartcontainer.records.query;

import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.SmartOntology;

/** Calls of the shipped ontology that tests use often. */
final class SmartOntologyCalls {

    private SmartOntologyCalls() {
    }

    static ApiCall call(String name) {
        return SmartOntology.loadDefault().call(name).orElseThrow();
    }

    static ApiCall medications() {
        return call("get_medications");
    }
}
