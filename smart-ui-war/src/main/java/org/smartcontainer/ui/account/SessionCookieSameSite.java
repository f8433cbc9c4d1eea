package org.smartcontainer.ui.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks the session cookie {@code SameSite=Lax}. Payara 6 ignores both the {@code <cookie-config><attribute>}
 * element of web.xml (it logs "Unsupported deployment descriptors element attribute-name value SameSite")
 * and {@code SessionCookieConfig.setAttribute}, so the attribute is added to the {@code Set-Cookie} header
 * the moment the portal creates a session, while the response is still open. {@code HttpOnly} comes from
 * web.xml, {@code Secure} from the request (the server's default for the session cookie) or
 * {@code smart.tls.required}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionCookieSameSite extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession() {
                return getSession(true);
            }

            @Override
            public HttpSession getSession(boolean create) {
                HttpSession session = super.getSession(create);
                if (session != null && session.isNew()) {
                    addSameSite(response);
                }
                return session;
            }

            @Override
            public String changeSessionId() {
                String id = super.changeSessionId();
                addSameSite(response);
                return id;
            }
        }, response);
        addSameSite(response);
    }

    /** Adds {@code SameSite=Lax} to every session cookie header that has none, if the response is still open. */
    static void addSameSite(HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        boolean changed = false;
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            if (cookie.startsWith("JSESSIONID=") && !cookie.toLowerCase(Locale.ROOT).contains("samesite=")) {
                cookies.set(i, cookie + "; SameSite=Lax");
                changed = true;
            }
        }
        if (changed) {
            response.setHeader("Set-Cookie", cookies.get(0));
            for (String cookie : cookies.subList(1, cookies.size())) {
                response.addHeader("Set-Cookie", cookie);
            }
        }
    }
}
