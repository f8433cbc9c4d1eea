package org.smartcontainer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smartcontainer.ui.connect.ConnectSession;
import org.smartcontainer.ui.patients.CurrentPatient;

/**
 * The portal is distributable (web.xml): its sessions may be copied to another node. Everything a session
 * holds must therefore survive serialization, and a bean of a passivating scope must come back whole.
 */
class SessionStateTest {

    @Test
    void thePortalIsDistributable() throws IOException {
        String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
        assertTrue(webXml.contains("<distributable/>"), "web.xml declares <distributable/>");
    }

    @Test
    void beansOfPassivatingScopesAreSerializableAndHoldServicesOnlyThroughCdi() throws Exception {
        List<Class<?>> beans = portalClasses().stream()
                .filter(c -> c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class))
                .toList();
        assertTrue(beans.size() >= 8, "the portal's view- and session-scoped beans: " + beans);
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getSimpleName() + " is not Serializable");
            }
            for (Field field : bean.getDeclaredFields()) {
                boolean isTransient = Modifier.isTransient(field.getModifiers());
                // @EJB references are not passivation capable; CDI's proxies (also of session beans) are.
                if (field.isAnnotationPresent(EJB.class)) {
                    problems.add(bean.getSimpleName() + "." + field.getName() + " is injected with @EJB");
                }
                // a transient injected field is null after the session moved to another node
                if (field.isAnnotationPresent(Inject.class) && isTransient) {
                    problems.add(bean.getSimpleName() + "." + field.getName() + " is injected but transient");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void whatTheSessionHoldsComesBackFromSerialization() throws Exception {
        ConnectSession connect = construct(ConnectSession.class);
        ConnectSession copy = roundTrip(connect);
        assertEquals(connect.csrfToken(), copy.csrfToken(), "the session's anti-CSRF token");

        CurrentPatient patient = new CurrentPatient();
        assertFalse(roundTrip(patient).isChosen());
    }

    private static <T> T construct(Class<T> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /** Every class compiled from src/main/java of this module. */
    private static List<Class<?>> portalClasses() throws IOException, URISyntaxException {
        Path root = Path.of(CurrentPatient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(SessionStateTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SessionStateTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
