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
@AnalyzeClasses(packages = {"io.vigil.agent", "io.vigil.console", "io.vigil.keywords", "io.vigil.filter"},
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
    static final ArchRule peopleAreFrameworkFreeAndKnowNothingOfTheStore = noClasses()
            .that().resideInAPackage("..console.people..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.javalin..", "org.apache.lucene..",
                    "java.sql..", "com.fasterxml..", "org.h2..", "picocli..", "..console.store..", "..console.web..")
            .because("the directory, its CSV validator and the people on alerts are domain: transports adapt to them");

    @ArchTest
    static final ArchRule domainDoesNotDependOnPeople = noClasses()
            .that().resideInAPackage("..console.domain..")
            .should().dependOnClassesThat().resideInAPackage("..console.people..")
            .because("routing (Route, Readership) is domain; the directory builds on it, not the other way round");

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
    static final ArchRule awtOnlyInEvidenceAndTheNoticeWindow = noClasses()
            .that().resideInAPackage("io.vigil.agent..").and().resideOutsideOfPackages("..agent.evidence..",
                    "..agent.notice.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..", "javax.swing..")
            .because("screenshots and the notice window are the only uses of the screen; java.awt elsewhere would "
                    + "pull a display into tests");

    @ArchTest
    static final ArchRule localHttpOnlyInTheHelpAndBlockPages = noClasses()
            .that().resideInAPackage("io.vigil.agent..").and().resideOutsideOfPackages("..agent.help.web..",
                    "..agent.filter.web..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..")
            .because("the agent's only HTTP sockets are the loopback help page (token and origin checks) and the "
                    + "filter's block page");

    @ArchTest
    static final ArchRule dnsjavaOnlyInTheDnsResolver = noClasses()
            .that().resideOutsideOfPackage("..agent.filter.dns..")
            .should().dependOnClassesThat().resideInAPackage("org.xbill..")
            .because("DNS packets are the resolver's business; the filter's decisions are plain Java");

    @ArchTest
    static final ArchRule filterPolicyIsPureJdk = noClasses()
            .that().resideInAPackage("io.vigil.filter..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.slf4j..", "io.vigil.filter..")
            .because("agent and console share the filter policy; it must not drag a framework into either");

    @ArchTest
    static final ArchRule filterDomainKnowsNoDnsHttpOrDelivery = noClasses()
            .that().resideInAPackage("..agent.filter..").and().resideOutsideOfPackages("..agent.filter.dns..",
                    "..agent.filter.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.xbill..", "com.sun.net.httpserver..",
                    "java.net.http..", "io.grpc..", "io.vigil.proto..", "..agent.spool..", "..agent.transport..")
            .because("the filter engine decides and hands plain records to a sink; packets, pages and delivery are edges");

    @ArchTest
    static final ArchRule policyNoticeAndHelpKnowNothingOfTransportOrSpool = noClasses()
            .that().resideInAnyPackage("..agent.policy..", "..agent.notice..", "..agent.help..")
            .should().dependOnClassesThat().resideInAnyPackage("..agent.spool..", "..agent.transport..",
                    "io.vigil.proto..")
            .because("what the school decided and what the user sees hand plain records to a sink; delivery is elsewhere");

    @ArchTest
    static final ArchRule sessionHelperSideHoldsNoSpoolTransportOrCredentials = noClasses()
            .that().resideInAnyPackage("..agent.helper.client..", "..agent.helper.wire..")
            .or().haveFullyQualifiedName("io.vigil.agent.SessionHelper")
            .or().haveFullyQualifiedName("io.vigil.agent.LiveSettings")
            .or().haveFullyQualifiedName("io.vigil.agent.helper.lists.ListsFile")
            .should().dependOnClassesThat().resideInAnyPackage("..agent.spool..", "..agent.transport..",
                    "..agent.signing..", "io.grpc..", "io.vigil.proto..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.vigil.agent.config.ConfigFile")
            .because("the session helper runs as the pupil: it hands matched alerts to the service and must never "
                    + "hold the spool, the console credential in the config file, or a connection to the console");

    @ArchTest
    static final ArchRule helperSocketServerAndTamperWatchHandRecordsToASink = noClasses()
            .that().resideInAnyPackage("..agent.helper..", "..agent.tamper..")
            .should().dependOnClassesThat().resideInAnyPackage("..agent.spool..", "..agent.transport..",
                    "io.grpc..", "io.vigil.proto..")
            .because("what arrives over the helper socket or from the tamper watch is validated and handed to the "
                    + "record sink; the spool and delivery are wired by the composition root");

    @ArchTest
    static final ArchRule onlyTheHelperSocketServerReadsPeerCredentials = noClasses()
            .that().resideOutsideOfPackage("..agent.helper.service..")
            .should().dependOnClassesThat().resideInAPackage("jdk.net..")
            .because("who may speak for a session is decided in one place: the service's peer credential check");

    @ArchTest
    static final ArchRule captureSourcesKnowNothingOfMatchingOrTransport = noClasses()
            .that().resideInAPackage("..agent.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("..agent.match..", "..agent.spool..",
                    "..agent.transport..", "..agent.evidence..", "io.vigil.keywords..")
            .because("sources only report what happened; privacy and matching rules apply after the queue, to all alike");

    @ArchTest
    static final ArchRule policyAndFilteringRecordsAreFrameworkFree = noClasses()
            .that().resideInAnyPackage("..console.policy..", "..console.filtering..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.vigil.proto..", "io.javalin..",
                    "org.apache.lucene..", "java.sql..", "com.fasterxml..", "org.h2..", "gg.jte..")
            .because("publishing, overlays and filtering reads are rules about schools, not about wires or tables");

    @ArchTest
    static final ArchRule healthIsFrameworkFree = noClasses()
            .that().resideInAPackage("..console.health..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.vigil.proto..", "io.javalin..",
                    "org.apache.lucene..", "java.sql..", "com.fasterxml..", "org.h2..", "gg.jte..")
            .because("health reads figures through ports: the probe and the compactor are the store's to implement");

    @ArchTest
    static final ArchRule keywordListPublishingIsFrameworkFree = noClasses()
            .that().resideInAPackage("..console.lists..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.vigil.proto..", "io.javalin..",
                    "org.apache.lucene..", "java.sql..", "com.fasterxml..", "org.h2..", "gg.jte..")
            .because("four eyes, diffs and retro-tests are rules about schools and lists, not about wires or tables");

    @ArchTest
    static final ArchRule fleetIsFrameworkFree = noClasses()
            .that().resideInAPackage("..console.fleet..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.vigil.proto..", "io.javalin..",
                    "org.apache.lucene..", "java.sql..", "com.fasterxml..", "org.h2..", "gg.jte..")
            .because("tokens, revocation and device health are rules about schools and devices; the session cut"
                    + " reaches gRPC only through the SessionCutter port");

    @ArchTest
    static final ArchRule onlyTheSigningKeyStoreSignsAndOnlyTheAgentsVerifierVerifies = noClasses()
            .that().resideOutsideOfPackages("..console.signing..", "..agent.signing..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.security.Signature")
            .because("one place holds the console's private key and one place decides what a device trusts");

    @ArchTest
    static final ArchRule theAgentsSignatureCheckKnowsNothingOfTransportOrCapture = noClasses()
            .that().resideInAPackage("..agent.signing..")
            .should().dependOnClassesThat().resideInAnyPackage("..agent.transport..", "..agent.capture..",
                    "..agent.spool..")
            .because("a pushed policy and one read back from disk after a restart are verified by the same code");

    @ArchTest
    static final ArchRule secondFactorSecretsAreReadOnlyByTheAuthPackage = noClasses()
            .that().resideOutsideOfPackages("..console.auth..", "..console.store.jdbc..")
            .and().doNotHaveFullyQualifiedName("io.vigil.console.ConsoleApp")
            .should().dependOnClassesThat().haveSimpleName("SecondFactorRepository")
            .because("sealed TOTP secrets and recovery-code hashes are opened and checked in one place, SecondFactors");

    @ArchTest
    static final ArchRule pdfWritingOnlyInWeb = noClasses()
            .that().resideOutsideOfPackage("..console.web..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
            .because("a PDF is one more rendering of the incident record, next to the printable page");

    @ArchTest
    static final ArchRule mailOnlyInNotify = noClasses()
            .that().resideOutsideOfPackage("..console.notify..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
            .because("urgent-alert email is one channel of the notifier; nothing else sends mail");

    @ArchTest
    static final ArchRule notifierKnowsNoTransportOrStore = noClasses()
            .that().resideInAPackage("..console.notify..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.grpc..", "java.sql..",
                    "org.apache.lucene..", "..console.store..", "..console.web..")
            .because("the notifier works on its outbox interface; SQL stays in store.jdbc, pages in web");

    @ArchTest
    static final ArchRule webReachesCaseworkOnlyThroughTheAuditedService = noClasses()
            .that().resideInAPackage("..console.web..")
            .should().dependOnClassesThat().haveSimpleName("CaseworkRepository")
            .orShould().dependOnClassesThat().haveSimpleName("RetentionRepository")
            .because("every read of an alert and every change to its case is audited in AuditedCasework");

    @ArchTest
    static final ArchRule keywordScoringStaysBehindTheExplainer = noClasses()
            .that().resideInAPackage("io.vigil.console..")
            .and().doNotHaveSimpleName("AlertExplainer")
            .should().dependOnClassesThat().resideInAPackage("io.vigil.keywords.score..")
            .because("the console explains alerts in one place; the rest reads explanations, not engine internals");

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

    @ArchTest
    static final ArchRule scoringKnowsNothingOfWhereTextCameFrom = noClasses()
            .that().resideInAnyPackage("io.vigil.keywords.score..", "io.vigil.keywords.match..",
                    "io.vigil.keywords.normalize..")
            .should().dependOnClassesThat().resideInAPackage("io.vigil.keywords.visit..")
            .because("visited content (addresses, titles, search parameters) is read in keywords.visit and handed to"
                    + " the engine as plain text or a host; the engine never parses addresses");
}
