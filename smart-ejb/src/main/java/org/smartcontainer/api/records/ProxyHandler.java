package org.smartcontainer.api.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.Responses;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.EhrForwarding;
import org.smartcontainer.oauth.OAuthPrincipal;
import org.smartcontainer.ontology.SmartTerms;
import org.smartcontainer.records.ProxyMode;
import org.smartcontainer.records.RecordProxy;
import org.smartcontainer.edge.LoggedInput;

/**
 * Proxy mode (proxy-mode-and-security.md §1.3): a record read that {@link org.smartcontainer.api.core.ApiCore}
 * admitted is forwarded to the EHR as {@code GET {base}{path}?{query without oauth_*}} with the container's own
 * credential and the acting app, user and record as headers (never the caller's {@code Authorization}). The EHR's
 * RDF is checked (only statements of the requested record are kept) and written in the representation the caller
 * asked for; other content (document files) is passed through. Errors: EHR {@code 404} and other {@code 4xx} keep
 * their status, {@code 5xx} become {@code 502}, no connection {@code 503}, no answer in time {@code 504}; the
 * EHR's error bodies are never relayed.
 */
@ApplicationScoped
public class ProxyHandler implements EhrForwarding {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class.getName());
    private static final IRI BELONGS_TO = SmartTerms.sp("belongsTo");

    @Inject
    ProxyMode mode;

    @Inject
    Responses responses;

    @Override
    public boolean enabled() {
        return mode.proxy().isPresent();
    }

    /** Forwards a record read with the request's query string as received. */
    @Override
    public ApiAnswer forward(ApiRequest request) {
        RecordProxy proxy = mode.proxy().orElseThrow();
        String path = request.match().path();
        if (!staysInItsPlace(path)) {
            // an encoded "/" or a dot segment could take the EHR's path to another record than the one authorized
            LOG.warning(() -> "Not forwarded to the EHR (encoded separator or dot segment): " + LoggedInput.cut(path));
            return ApiAnswer.problem(404, "No API call at " + path);
        }
        String query = withoutOAuth(request.rawQuery());
        RecordProxy.Answer answer = proxy.get(path + (query.isEmpty() ? "" : "?" + query), context(request));
        int status = answer.status();
        if (status == 404 || status == 410) {
            return ApiAnswer.problem(404, "The EHR has nothing at " + path);
        }
        if (status == 204) {
            return ApiAnswer.empty(204);
        }
        if (status >= 400 && status < 500) {
            return ApiAnswer.problem(status, "The EHR refused " + path + " (HTTP " + status + ")");
        }
        if (status != 200) {
            LOG.warning(() -> "The EHR answered HTTP " + status + " for " + LoggedInput.cut(path));
            return ApiAnswer.problem(502, "The EHR failed to answer " + path + " (HTTP "
                    + status + ")");
        }
        Optional<RDFFormat> format = Rio.getParserFormatForMIMEType(mimeType(answer.contentType()));
        if (format.isEmpty()) {
            // a document's file: passed through as the EHR typed it
            return ApiAnswer.ok(answer.body(), answer.contentType() == null ? "application/octet-stream"
                    : answer.contentType());
        }
        Model graph;
        try {
            graph = Rio.parse(new ByteArrayInputStream(answer.body()), request.url(), format.get());
        } catch (IOException | RDFParseException e) {
            LOG.warning(() -> "The EHR sent unreadable " + format.get().getName() + " for " + LoggedInput.cut(path) + ": " + LoggedInput.cut(e.getMessage()));
            return ApiAnswer.problem(502, "The EHR sent data for " + path + " that cannot be read");
        }
        return responses.rdf(request, ofRecord(graph, request.apiBase(), request.recordId()));
    }

    private static String mimeType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether every segment of a raw (percent-encoded) path stays one segment whatever the EHR decodes: no encoded
     * {@code /} or {@code \}, no {@code .} or {@code ..}, no control characters, no broken escapes.
     */
    static boolean staysInItsPlace(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (decoded.equals(".") || decoded.equals("..") || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
                    || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return false;
            }
        }
        return true;
    }

    /** The query string without OAuth protocol parameters (they authenticate the caller, not the EHR call). */
    static String withoutOAuth(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!pair.isEmpty() && !name.startsWith("oauth_")) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return kept.toString();
    }

    private Map<String, String> context(ApiRequest request) {
        OAuthPrincipal principal = request.principal();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RecordProxy.RECORD_HEADER, request.recordId());
        if (principal.appId() != null) {
            headers.put(RecordProxy.APP_HEADER, principal.appId());
        }
        String user = null;
        if (principal instanceof OAuthPrincipal.AccessTokenPrincipal p) {
            user = p.userId();
        } else if (principal instanceof OAuthPrincipal.AccountPrincipal p) {
            user = p.userId();
        } else if (principal instanceof OAuthPrincipal.AdministratorPrincipal p) {
            user = p.userId();
        }
        if (user != null) {
            headers.put(RecordProxy.USER_HEADER, user);
        }
        return headers;
    }

    /**
     * The statements of the record only: triples about nodes of another record (URIs under another
     * {@code {api_base}/records/{id}}, or {@code sp:belongsTo} another record) are dropped.
     */
    static Model ofRecord(Model graph, String apiBase, String recordId) {
        String records = apiBase + "/records/";
        String record = records + recordId;
        Set<Resource> foreign = graph.filter(null, BELONGS_TO, null).stream()
                .filter(st -> !st.getObject().stringValue().equals(record)).map(Statement::getSubject)
                .collect(Collectors.toSet());
        Model kept = new LinkedHashModel();
        int dropped = 0;
        for (Statement st : graph) {
            String subject = st.getSubject().stringValue();
            boolean otherRecord = st.getSubject() instanceof IRI && subject.startsWith(records)
                    && !subject.equals(record) && !subject.startsWith(record + "/");
            if (otherRecord || foreign.contains(st.getSubject())) {
                dropped++;
            } else {
                kept.add(st);
            }
        }
        if (dropped > 0) {
            int n = dropped;
            LOG.warning(() -> "Dropped " + n + " triples about other records from the EHR's answer for record " + LoggedInput.cut(recordId));
        }
        return kept;
    }
}
