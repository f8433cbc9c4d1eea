package org.smartcontainer.it;

import java.io.File;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real EAR built by smart-ear, with the test classes added to its API module. */
final class SmartEar {

    private SmartEar() {
    }

    /** The built EAR file. */
    static File file() {
        File ear = new File(System.getProperty("ear.file", "../smart-ear/target/smart.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear + ": build smart-ear first (./mvnw verify does)");
        }
        return ear;
    }

    /**
     * The EAR as deployed by the tests: unchanged except that the API WAR also carries the given test
     * classes, so that in-container tests run inside the real application.
     */
    static EnterpriseArchive withTestClasses(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, "smart.ear").importFrom(file())
                .as(EnterpriseArchive.class);
        WebArchive api = ear.getAsType(WebArchive.class, "smart-api.war");
        api.addClasses(testClasses);
        api.addClass(SmartEar.class);
        api.addClass(TestServer.class);
        api.addClass(SparqlBackend.class);
        ear.delete("smart-api.war");
        // With three WARs in the EAR, Arquillian must be told which one carries the tests.
        ear.addAsModule(Testable.archiveToTest(api));
        if (SparqlBackend.selected()) {
            addConfig(ear, SparqlBackend.instance().containerSettings());
        }
        return ear;
    }

    /**
     * As {@link #withTestClasses}, with MicroProfile Config settings for this deployment only: a library
     * in the EAR's {@code lib/} whose {@code microprofile-config.properties} outranks the shipped defaults.
     */
    static EnterpriseArchive withConfig(Map<String, String> settings, Class<?>... testClasses) {
        EnterpriseArchive ear = withTestClasses(testClasses);
        addConfig(ear, settings);
        return ear;
    }

    /** Adds MicroProfile Config settings in a library of their own (one per call: they must not overlap). */
    private static void addConfig(EnterpriseArchive ear, Map<String, String> settings) {
        StringBuilder properties = new StringBuilder("config_ordinal=500\n");
        settings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-config-" + Integer.toHexString(settings.hashCode())
                + ".jar").addAsManifestResource(new StringAsset(properties.toString()), "microprofile-config.properties"));
    }
}
