package org.smartcontainer.records;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.http.NameValuePair;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.message.BasicNameValuePair;
import org.apache.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.Test;

/**
 * A restarted SPARQL store closes the connections the client kept alive without answering on them: a query sent on
 * one is sent once more, an update never (it may have been applied), and an unreachable or frozen store is not
 * retried at all (the caller gets its 503 at once).
 */
class SparqlStoreRetryTest {

    private static HttpClientContext sending(HttpPost request) {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(HttpCoreContext.HTTP_REQUEST, request);
        return context;
    }

    private static HttpPost query() {
        HttpPost post = new HttpPost("http://localhost:3030/records/query");
        List<NameValuePair> form = List.of(new BasicNameValuePair("query", "ASK {}"));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        return post;
    }

    private static HttpPost update() {
        HttpPost post = new HttpPost("http://localhost:3030/records/update");
        post.setEntity(new StringEntity("INSERT DATA {}", ContentType.create("application/sparql-update", StandardCharsets.UTF_8)));
        return post;
    }

    @Test
    void aQueryOnAConnectionTheStoreClosedUnansweredIsSentOnceMore() {
        NoHttpResponseException closed = new NoHttpResponseException("The target server failed to respond");

        assertTrue(SparqlStoreRecords.retryQueryOnStaleConnection(closed, 1, sending(query())));
        assertFalse(SparqlStoreRecords.retryQueryOnStaleConnection(closed, 2, sending(query())), "once only");
    }

    @Test
    void anUpdateIsNeverSentAgain() {
        assertFalse(SparqlStoreRecords.retryQueryOnStaleConnection(
                new NoHttpResponseException("The target server failed to respond"), 1, sending(update())));
    }

    @Test
    void aStoreThatIsDownOrFrozenIsNotRetried() {
        assertFalse(SparqlStoreRecords.retryQueryOnStaleConnection(new ConnectException("Connection refused"), 1, sending(query())));
        assertFalse(SparqlStoreRecords.retryQueryOnStaleConnection(new SocketTimeoutException("Read timed out"), 1, sending(query())));
    }
}
