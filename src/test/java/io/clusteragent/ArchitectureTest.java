package io.clusteragent;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The agent's shape, checked over its compiled main classes. Analysis and detection rules stay pure:
 * they take cached objects and a clock from their caller, so they are tested with plain objects and
 * give the same answer over a snapshot as over a live cluster. Only {@code cluster} talks to the API
 * server, only {@code Main} reads the environment, and configuration is a leaf every feature may read.
 */
@AnalyzeClasses(packages = "io.clusteragent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Rules over objects and a clock. Only detect's top package: its subpackages may hold the runtime that schedules the rules. */
    private static final DescribedPredicate<JavaClass> PURE_CODE = resideInAnyPackage(
                    "io.clusteragent.analysis..", "io.clusteragent.quantity..")
            .or(resideInAPackage("io.clusteragent.detect"));

    private static final DescribedPredicate<JavaMethodCall> READING_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
            "Instant.now(), Clock.systemUTC(), System.currentTimeMillis() and the like", call -> {
                JavaClass owner = call.getTargetOwner();
                String name = call.getName();
                return owner.getPackageName().equals("java.time") && name.equals("now")
                        || owner.isEquivalentTo(Clock.class) && name.startsWith("system")
                        || owner.isEquivalentTo(System.class) && name.equals("currentTimeMillis");
            });

    private static final DescribedPredicate<JavaMethodCall> READING_THE_ENVIRONMENT = DescribedPredicate.describe(
            "System.getenv",
            call -> call.getTargetOwner().isEquivalentTo(System.class)
                    && call.getName().equals("getenv"));

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.clusteragent.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles()
            .as("Feature packages of io.clusteragent depend on each other without cycles")
            .because(
                    "a feature that can be understood, tested and moved on its own depends on others in one direction only");

    @ArchTest
    static final ArchRule pureCodeUsesNeitherVertxNorTheClient = noClasses()
            .that(PURE_CODE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx..", "io.fabric8.kubernetes.client..")
            .as("Analysis, quantities and the detection rules use neither Vert.x nor the Kubernetes client")
            .because(
                    "they take cached objects from ClusterState and run the same in a request, a detection cycle or a test");

    @ArchTest
    static final ArchRule pureCodeNeverReadsTheClock = noClasses()
            .that(PURE_CODE)
            .should()
            .callMethodWhere(READING_THE_SYSTEM_CLOCK)
            .as("Analysis, quantities and the detection rules never read the system clock")
            .because("the caller passes the time in, so tests and snapshot analysis are deterministic");

    @ArchTest
    static final ArchRule onlyTheClusterPackageUsesTheKubernetesClient = noClasses()
            .that()
            .resideOutsideOfPackage("io.clusteragent.cluster..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.fabric8.kubernetes.client..")
            .as("Only the cluster package uses the Kubernetes client")
            .because(
                    "every other feature reads the cluster through ClusterState, so only cluster talks to the API server");

    @ArchTest
    static final ArchRule onlyMainReadsTheEnvironment = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(Main.class.getName())
            .should()
            .callMethodWhere(READING_THE_ENVIRONMENT)
            .as("Only Main reads the environment")
            .because(
                    "configuration is read once, from the map Main hands to AgentConfig.fromMap, and tests pass their own map");

    @ArchTest
    static final ArchRule configurationIsALeaf = noClasses()
            .that()
            .resideInAPackage("io.clusteragent.config..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.clusteragent..")
                    .and(DescribedPredicate.not(resideInAPackage("io.clusteragent.config..")))
                    .as("another io.clusteragent package"))
            .as("Configuration depends on no other io.clusteragent package")
            .because("every feature reads configuration, so configuration may read no feature");
}
