package io.vigil.agent.helper.service;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.help.HelpDesk;
import io.vigil.agent.help.HelpRequest;
import io.vigil.agent.helper.wire.HelperMessage.HelpAsked;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A pupil's request from the Get-help page the session helper serves, raised as the same pupil_request alert
 * {@code run} raises, by the same {@link HelpDesk}, for the user the kernel vouched for (the message names no
 * user). Not subject to the monitoring scope: a pupil can always ask for help.
 */
public final class HelperHelp {

    private final Consumer<AlertRecord> sink;
    private final int severity;
    private final Clock clock;

    public HelperHelp(Consumer<AlertRecord> sink, int severity, Clock clock) {
        this.sink = sink;
        this.severity = severity;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException naming what is wrong (unknown kind, too many words) */
    AlertRecord ask(String verifiedUser, HelpAsked asked) {
        HelpRequest request = HelpRequest.byId(asked.kind()).orElseThrow(() ->
                new IllegalArgumentException("kind: '" + asked.kind() + "' is not a help request"));
        return new HelpDesk(sink, () -> verifiedUser, severity, clock).ask(request, asked.words());
    }
}
