package org.smartcontainer.ui.connect;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code /static/smart_common/resources/smart-api-container.js}: the self-contained SMART Connect host
 * that Frame UI apps load from the container (smart-connect-js.md §4.4, §7.11): our jschannel followed
 * by our host, one file, no jQuery. Public, like every file under {@code /static/}.
 */
@WebServlet("/static/smart_common/resources/smart-api-container.js")
public class HostScript extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String[] PARTS = {"/static/smart_common/resources/jschannel.js",
        "/static/smart_common/resources/smart-connect-host.js"};

    private byte[] script;

    @Override
    public void init() throws ServletException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : PARTS) {
            try (InputStream in = getServletContext().getResourceAsStream(part)) {
                if (in == null) {
                    throw new ServletException(part + " is missing from the portal");
                }
                in.transferTo(out);
                out.write("\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ServletException(e);
            }
        }
        script = out.toByteArray();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(script.length);
        response.getOutputStream().write(script);
    }
}
