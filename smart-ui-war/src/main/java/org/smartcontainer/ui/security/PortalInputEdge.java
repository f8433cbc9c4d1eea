package org.smartcontainer.ui.security;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import org.smartcontainer.edge.InputEdgeFilter;

/**
 * The portal's input edge, first of its filters (web.xml orders it), SMART Connect endpoints included; the
 * patient-file upload page may receive larger bodies.
 */
@WebFilter(filterName = InputEdgeFilter.NAME, urlPatterns = "/*", asyncSupported = true,
        initParams = @WebInitParam(name = InputEdgeFilter.IMPORT_PATHS, value = "/admin/patients.xhtml"))
public class PortalInputEdge extends InputEdgeFilter {

    private static final long serialVersionUID = 1L;
}
