package org.smartcontainer.sampleapps.connect;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.smartcontainer.ontology.SmartOntology;

/**
 * Serves the SMART Connect client library, {@code smart-connect-client.js}: the hand-written core
 * (a resource beside this class) followed by the API methods generated from our ontology. One script,
 * no build step for the app author: {@code <script src="/sample-apps/smart-connect-client.js">}.
 */
@WebServlet(urlPatterns = "/smart-connect-client.js", loadOnStartup = 1)
public class ClientLibraryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient byte[] script;
    private transient String etag;

    @Override
    public void init() throws ServletException {
        String core;
        try (InputStream in = ClientLibraryServlet.class.getResourceAsStream("smart-connect-client-core.js")) {
            if (in == null) {
                throw new ServletException("smart-connect-client-core.js is missing from the WAR");
            }
            core = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServletException(e);
        }
        String generated = "\n// API methods generated from the container's ontology (client method names, paths, parameters).\n"
                + "SMART.define_calls(" + ClientMethods.of(SmartOntology.loadDefault()) + ");\n";
        script = (core + generated).getBytes(StandardCharsets.UTF_8);
        try {
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/javascript;charset=UTF-8");
        response.setContentLength(script.length);
        response.getOutputStream().write(script);
    }
}
