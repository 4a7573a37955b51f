package io.vigil.console.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the console: agent gRPC/TLS listener, HTTPS web console and API.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ListenOptions listen;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, all interfaces).")
    String bind;

    @Option(names = "--notify-config", paramLabel = "FILE",
            description = "Mail server and webhook for urgent-alert messages (properties file; see README"
                    + " \"Being told\"). Without it nobody is emailed; urgent alerts wait to be sent.")
    java.nio.file.Path notifyConfig;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "The school's certificate for the web console (PEM; may hold the chain, leaf first), so"
                    + " browsers trust it. Default: the console's own self-signed certificate. Agents always use"
                    + " the self-signed one, which they pin.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The private key of --tls-cert (PEM: PKCS#8, or PKCS#1 RSA / SEC1 EC), unencrypted.")
    Path tlsKey;

    private final ConsoleOperations operations;
    private final PrintStream out;

    ServeCommand(ConsoleOperations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--tls-cert and --tls-key go together: give both, or neither for the self-signed certificate");
        }
        var options = listen.toServeOptions(spec, common.dataDir, bind).withDatabase(database.toConfig(spec))
                .withWebTls(java.util.Optional.ofNullable(tlsCert)
                        .map(cert -> new io.vigil.console.config.ServeOptions.WebTls(cert, tlsKey)));
        if (notifyConfig != null) {
            // Read before anything starts: a bad file stops serve with the key it got wrong.
            options = options.withNotify(io.vigil.console.config.NotifyConfig.load(notifyConfig));
        }
        var console = operations.serve(options);
        Runtime.getRuntime().addShutdownHook(new Thread(console::close, "console-shutdown"));
        Announcement.ready(out, console);
        Announcement.waitForShutdown();
        return ExitCodes.OK;
    }
}
