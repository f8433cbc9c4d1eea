package org.smartcontainer.api.core;

import java.util.Set;
import org.smartcontainer.api.routing.Handler;

/**
 * Serves the routes of one or more {@link Handler}s. Implementations are CDI beans that {@link ApiCore} looks up;
 * it never names them, so handlers depend on the core and the core not on them.
 */
public interface RouteHandler {

    /** The handlers whose routes this serves; each handler has exactly one implementation. */
    Set<Handler> serves();

    /** The answer to an admitted request of one of {@link #serves()}. */
    ApiAnswer answer(ApiRequest request);
}
