package org.smartcontainer.persistence;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * The interceptor of the beans that use the relational database ({@code @Interceptors(DatabaseOutages.class)}):
 * a runtime failure that means the database cannot be reached leaves the bean as a
 * {@link DatabaseUnavailableException}, which the container neither logs nor wraps; any other failure passes
 * unchanged.
 */
public class DatabaseOutages {

    /** Rethrows an unreachable database's failure as {@link DatabaseUnavailableException}. */
    @AroundInvoke
    public Object translate(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causes(e)) {
                throw new DatabaseUnavailableException(e);
            }
            throw e;
        }
    }
}
