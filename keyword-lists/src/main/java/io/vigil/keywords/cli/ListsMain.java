package io.vigil.keywords.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code vigil-lists}: scan text against keyword lists, validate a list directory, compile a bundle.
 * Exit codes: 0 success, 1 the lists were refused, 2 usage or I/O error.
 */
@Command(name = "vigil-lists", mixinStandardHelpOptions = true, version = "vigil-lists 1",
        description = "Vigil safeguarding keyword lists: scan, validate, compile.")
public final class ListsMain implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int USAGE = 2;

    private final Io io;

    ListsMain(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err);
        out.flush();
        System.exit(code);
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests in-process). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Io io = new Io(in, out, err);
        CommandLine cli = new CommandLine(new ListsMain(io))
                .addSubcommand("scan", new ScanCommand(io))
                .addSubcommand("validate", new ValidateCommand(io))
                .addSubcommand("compile", new CompileCommand(io));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> USAGE);
        int code = cli.execute(args);
        out.flush();
        return code;
    }

    @Override
    public Integer call() {
        io.err().println("vigil-lists: missing command (scan, validate or compile); try --help");
        return USAGE;
    }
}
