package org.smartcontainer.ui.branding;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /branding.css}: the configured colour as CSS custom properties that portal.css uses. */
@WebServlet("/branding.css")
public class BrandingStylesheet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Branding branding;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/css;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // The colour is validated as #rrggbb, so it cannot break out of the declaration.
        response.getWriter().write(":root { --portal-primary: " + branding.getPrimaryColor() + "; }\n");
    }
}
