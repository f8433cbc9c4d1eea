package org.smartcontainer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The packages of this module form no cycle: each depends on others only in one direction. */
class PackageCyclesTest {

    @Test
    void noPackageOfThisModuleDependsOnItselfThroughAnother() {
        slices().matching("org.smartcontainer.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter().importPath(Path.of("target", "classes")));
    }
}
