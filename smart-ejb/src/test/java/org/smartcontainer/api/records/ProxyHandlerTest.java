package org.smartcontainer.api.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** What proxy mode sends to the EHR and what it lets through from it. */
class ProxyHandlerTest {

    static final ValueFactory VF = SimpleValueFactory.getInstance();
    static final String BASE = "https://smart.example.org/api";
    static final String SP = "http://smartplatforms.org/terms#";

    @Test
    void theQueryIsForwardedWithoutOAuthParametersAndInItsOriginalEncoding() {
        assertEquals("limit=10&date_from=2010-01-01", ProxyHandler.withoutOAuth(
                "oauth_consumer_key=app&limit=10&oauth_signature=abc%3D&date_from=2010-01-01&oauth_token=t"));
        assertEquals("q=a%20b&x", ProxyHandler.withoutOAuth("q=a%20b&x&oauth%5Fnonce=1"));
        assertEquals("", ProxyHandler.withoutOAuth(null));
        assertEquals("", ProxyHandler.withoutOAuth("oauth_version=1.0"));
    }

    @Test
    void aPathIsForwardedOnlyIfNoSegmentCanBecomeAnotherPlaceAtTheEhr() {
        assertTrue(ProxyHandler.staysInItsPlace("/records/1032702/problems/"));
        assertTrue(ProxyHandler.staysInItsPlace("/records/1032702/problems/a%20b"));
        assertTrue(ProxyHandler.staysInItsPlace("/records/1032702/demographics"));
        for (String attack : new String[] {"/records/1/problems/1%2F..%2F..%2F2%2Fproblems%2F1", "/records/1/problems/%2e%2E",
                "/records/1/problems/.", "/records/1/problems/..", "/records/1/problems/a%5C..%5C2", "/records/1/problems/a%0Ab",
                "/records/1/problems/%zz", "/records/1/problems/%2f"}) {
            assertFalse(ProxyHandler.staysInItsPlace(attack), attack);
        }
    }

    @Test
    void onlyTheRequestedRecordsStatementsPass() {
        IRI mine = VF.createIRI(BASE + "/records/1/problems/a");
        IRI other = VF.createIRI(BASE + "/records/2/problems/b");
        IRI prefix = VF.createIRI(BASE + "/records/10/problems/c"); // "1" is a prefix of "10"
        IRI sneaky = VF.createIRI("urn:uuid:sneaky");
        IRI code = VF.createIRI("http://purl.bioontology.org/ontology/SNOMEDCT/1234");
        BNode name = VF.createBNode();
        Model graph = new LinkedHashModel();
        graph.add(mine, RDF.TYPE, VF.createIRI(SP, "Problem"));
        graph.add(mine, VF.createIRI(SP, "problemName"), name);
        graph.add(name, VF.createIRI(SP, "code"), code);
        graph.add(code, DCTERMS.TITLE, VF.createLiteral("a code"));
        graph.add(other, RDF.TYPE, VF.createIRI(SP, "Problem"));
        graph.add(prefix, RDF.TYPE, VF.createIRI(SP, "Problem"));
        graph.add(sneaky, VF.createIRI(SP, "belongsTo"), VF.createIRI(BASE + "/records/2"));
        graph.add(sneaky, DCTERMS.TITLE, VF.createLiteral("not yours"));

        Model kept = ProxyHandler.ofRecord(graph, BASE, "1");

        assertEquals(4, kept.size(), kept.toString());
        assertTrue(kept.contains(mine, null, null) && kept.contains(name, null, null) && kept.contains(code, null, null));
        assertTrue(kept.filter(other, null, null).isEmpty() && kept.filter(prefix, null, null).isEmpty()
                && kept.filter(sneaky, null, null).isEmpty());
    }
}
