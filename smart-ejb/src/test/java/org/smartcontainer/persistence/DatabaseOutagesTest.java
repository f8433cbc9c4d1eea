package org.smartcontainer.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ApplicationException;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {

    private final DatabaseOutages interceptor = new DatabaseOutages();

    @Test
    void anUnreachableDatabaseLeavesTheBeanAsAnApplicationExceptionThatKeepsItsCause() {
        PersistenceException refused = new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException("Connection to 127.0.0.1:15432 refused", "08001"));

        DatabaseUnavailableException thrown = assertThrows(DatabaseUnavailableException.class,
                () -> interceptor.translate(call(() -> { throw refused; })));

        assertSame(refused, thrown.getCause());
        assertEquals(DatabaseUnavailable.MESSAGE, thrown.getMessage());
        assertTrue(DatabaseUnavailable.causes(thrown), "still recognised by the callers' mappers");
        ApplicationException kind = DatabaseUnavailableException.class.getAnnotation(ApplicationException.class);
        assertTrue(kind != null && kind.rollback(), "not logged by the EJB container, and rolled back");
    }

    @Test
    void anyOtherFailureAndAnyResultPassUnchanged() throws Exception {
        IllegalStateException bug = new IllegalStateException("a bug");
        SQLException checked = new SQLException("duplicate key", "23505");
        PersistenceException constraint = new PersistenceException(checked);

        assertSame(bug, assertThrows(IllegalStateException.class, () -> interceptor.translate(call(() -> { throw bug; }))));
        assertSame(constraint, assertThrows(PersistenceException.class,
                () -> interceptor.translate(call(() -> { throw constraint; }))));
        assertSame(checked, assertThrows(SQLException.class, () -> interceptor.translate(call(() -> { throw checked; }))));
        assertEquals("answer", interceptor.translate(call(() -> "answer")));
    }

    /** An interception of one business method whose body is {@code body}. */
    private static InvocationContext call(Callable<Object> body) {
        return new InvocationContext() {
            @Override
            public Object proceed() throws Exception {
                return body.call();
            }

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }
        };
    }
}
