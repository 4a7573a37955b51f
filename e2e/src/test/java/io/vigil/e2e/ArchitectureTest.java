package io.vigil.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries that keep the architecture readable: each framework stays in the package that adapts it,
 * domain code stays framework-free, and the keyword engine stays pure JDK so agent and console share it.
 */
@AnalyzeClasses(packages = {"io.vigil.agent", "io.vigil.console", "io.vigil.keywords"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule grpcOnlyInTransportAdapters = noClasses()
            .that().resideOutsideOfPackages("..agent.transport..", "..console.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.vigil.proto..")
            .because("gRPC is a transport: the agent's and console's domain code must not know it");

    @ArchTest
    static final ArchRule luceneOnlyInSearch = noClasses()
            .that().resideOutsideOfPackage("..console.search..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule sqlOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("..console.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..");

    @ArchTest
    static final ArchRule databaseDriversOnlyInJdbcStore = noClasses()
            .that().resideInAPackage("io.vigil.console..").and().resideOutsideOfPackage("..console.store.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.postgresql..")
            .because("which database holds the records is the JDBC store's business; the rest sees DataSources");

    @ArchTest
    static final ArchRule javalinOnlyInWeb = noClasses()
            .that().resideOutsideOfPackage("..console.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule templatesOnlyInWeb = noClasses()
            .that().resideOutsideOfPackage("..console.web..")
            .and().resideOutsideOfPackage("gg.jte.generated..")
            .should().dependOnClassesThat().resideInAPackage("gg.jte..")
            .because("HTML is rendered in one place, by the jte templates the web layer owns");

    @ArchTest
    static final ArchRule consoleDomainIsFrameworkFree = noClasses()
            .that().resideInAPackage("..console.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.javalin..", "org.apache.lucene..",
                    "java.sql..", "com.fasterxml..", "org.h2..", "picocli..");

    @ArchTest
    static final ArchRule keywordEngineIsPureJdk = noClasses()
            .that().resideInAPackage("io.vigil.keywords..").and().resideOutsideOfPackage("..keywords.cli..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.vigil.keywords..");

    @ArchTest
    static final ArchRule agentAndConsoleStayApart = noClasses()
            .that().resideInAPackage("io.vigil.agent..")
            .should().dependOnClassesThat().resideInAPackage("io.vigil.console..");

    @ArchTest
    static final ArchRule consoleDoesNotReachIntoTheAgent = noClasses()
            .that().resideInAPackage("io.vigil.console..")
            .should().dependOnClassesThat().resideInAPackage("io.vigil.agent..");

    @ArchTest
    static final ArchRule keyboardHookOnlyInTheKeyboardSource = noClasses()
            .that().resideOutsideOfPackage("..agent.capture.keyboard..")
            .should().dependOnClassesThat().resideInAPackage("com.github.kwhat.jnativehook..")
            .because("the native keyboard hook is one capture source; everything after it is plain Java");

    @ArchTest
    static final ArchRule oshiOnlyInTheWindowSourceAndPlatform = noClasses()
            .that().resideOutsideOfPackages("..agent.capture.windows..", "..agent.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("oshi..", "com.sun.jna..");

    @ArchTest
    static final ArchRule awtOnlyInEvidence = noClasses()
            .that().resideInAPackage("io.vigil.agent..").and().resideOutsideOfPackage("..agent.evidence..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..", "javax.swing..")
            .because("screenshots are the only use of the screen; java.awt elsewhere would pull a display into tests");

    @ArchTest
    static final ArchRule captureSourcesKnowNothingOfMatchingOrTransport = noClasses()
            .that().resideInAPackage("..agent.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("..agent.match..", "..agent.spool..",
                    "..agent.transport..", "..agent.evidence..", "io.vigil.keywords..")
            .because("sources only report what happened; privacy and matching rules apply after the queue, to all alike");

    @ArchTest
    static final ArchRule nativeCodeForOneOsIsReachedOnlyThroughThePlatform = noClasses()
            .that().resideOutsideOfPackage("..agent.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("..agent.platform.macos..", "..agent.platform.windows..")
            .because("macOS and Windows native signals must never load on another OS: Platform picks them by os.name");

    @ArchTest
    static final ArchRule sessionRulesArePlainJava = noClasses()
            .that().resideInAPackage("..agent.capture.session..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..", "oshi..", "io.vigil.agent.platform..")
            .because("lock and user decisions are tested with fakes; native signals plug in from agent.platform");
}
