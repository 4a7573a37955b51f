package io.vigil.console.cli;

import java.io.PrintStream;
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

    private final ConsoleOperations operations;
    private final PrintStream out;

    ServeCommand(ConsoleOperations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        var options = listen.toServeOptions(spec, common.dataDir, bind).withDatabase(database.toConfig(spec));
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
