package org.smartcontainer.ui.security;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import org.smartcontainer.edge.InputEdgeFilter;

/**
 * The portal's input edge, first of its filters (web.xml orders it), SMART Connect endpoints included; the
 * patient-file upload page may receive larger bodies; while the database cannot be reached, pages that need it
 * answer {@code 503} with a "temporarily unavailable" page.
 */
@WebFilter(filterName = InputEdgeFilter.NAME, urlPatterns = "/*", asyncSupported = true, initParams = {
    @WebInitParam(name = InputEdgeFilter.IMPORT_PATHS, value = "/admin/patients.xhtml"),
    @WebInitParam(name = InputEdgeFilter.UNAVAILABLE_PAGE, value = "/error/unavailable.html")})
public class PortalInputEdge extends InputEdgeFilter {

    private static final long serialVersionUID = 1L;
}
