package io.vigil.console.cli;

import io.vigil.console.demo.AgentJarLocator;
import io.vigil.console.demo.DemoAgent;
import io.vigil.console.demo.DemoPasswords;
import io.vigil.console.domain.Role;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the console with a real agent replaying a pupil's session, and a DSL account to sign in.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_USER = "dsl";
    static final String DEMO_SCHOOL = "Demo School";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ListenOptions listen;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--agent-jar", paramLabel = "PATH",
            description = "The agent jar (default: vigil-agent.jar beside the console jar, or agent/target in a checkout).")
    Path agentJar;

    private final ConsoleOperations operations;
    private final PrintStream out;

    DemoCommand(ConsoleOperations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        var options = listen.toServeOptions(spec, common.dataDir, bind);
        // Find the agent before starting anything, so a missing jar fails fast and changes nothing.
        Path jar = AgentJarLocator.locate(Optional.ofNullable(agentJar), AgentJarLocator.consoleJarDir(getClass()));
        var console = operations.serve(options);
        DemoAgent agent = new DemoAgent(DemoAgent.currentJava(), jar,
                common.dataDir.toAbsolutePath().resolve("demo-agent"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            console.close();
        }, "demo-shutdown"));
        try {
            String password = new DemoPasswords(new SecureRandom()).generate();
            var totp = console.addOrResetUser(DEMO_USER, Set.of(Role.DSL), DEMO_SCHOOL, password);
            if (!agent.enrolled()) {
                agent.enrol(console.grpcPort(), console.createToken(DEMO_SCHOOL), console.fingerprint());
            }
            Process replay = agent.replay();
            replay.onExit().thenAccept(p -> out.println("Demo agent stopped (exit " + p.exitValue() + "); its log is "
                    + agent.log()));
            Announcement.ready(out, console);
            out.println();
            out.println("Sign in at " + console.webUrl() + " as the demo safeguarding lead:");
            out.println("  Username: " + DEMO_USER);
            out.println("  Password: " + password);
            out.println("  Code:     from an authenticator app set up with this secret (or scan the otpauth URI),");
            out.println("            or type one of the recovery codes below instead (each works once).");
            UserLifecycleCommands.printRecoveryCodes(out, totp);
            out.println("(The password and codes are shown only now; running demo again resets them. The browser will warn"
                    + " about the self-signed certificate: its SHA-256 is printed above.)");
            out.println("A demo agent is replaying a pupil's session; alerts appear in the inbox within seconds.");
            out.println("Agent log: " + agent.log() + "   Stop with Ctrl+C.");
            out.flush();
        } catch (RuntimeException | java.io.IOException e) {
            agent.close();
            console.close();
            throw e;
        }
        Announcement.waitForShutdown();
        return ExitCodes.OK;
    }
}
