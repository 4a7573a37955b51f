package io.vigil.agent.helper.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The fields of {@link HelperMessage.Settings}, in order. Kept apart from {@link HelperCodec} because it is
 * the one message the service sends with content; the helper checks every limit just as the service does
 * for the helper's frames (a service is trusted, but a frame that breaks a limit is a bug to stop at, not
 * to apply half of).
 */
final class SettingsCodec {

    private SettingsCodec() {
    }

    static void write(DataOutputStream out, HelperMessage.Settings s) throws IOException {
        for (String v : new String[] {s.group(), s.when(), s.zone()}) {
            out.writeUTF(v);
        }
        HelperCodec.writeList(out, s.hours());
        out.writeBoolean(s.keyboard());
        out.writeBoolean(s.windows());
        out.writeInt(s.windowPollMillis());
        HelperCodec.writeList(out, s.signInTitles());
        HelperCodec.writeList(out, s.signInApps());
        out.writeUTF(s.profile());
        out.writeInt(s.minSeverity());
        HelperCodec.writeList(out, s.categories());
        out.writeInt(s.thresholdPercent());
        out.writeBoolean(s.showNotice());
        out.writeUTF(s.noticeVersion());
        out.writeUTF(s.noticeText());
        HelperCodec.writeList(out, s.screenshotCategories());
        out.writeInt(s.screenshotMinSeverity());
        HelperCodec.writeList(out, s.noImagery());
        out.writeBoolean(s.help());
    }

    static HelperMessage.Settings read(DataInputStream in) throws IOException {
        return new HelperMessage.Settings(HelperCodec.text(in, "group", HelperCodec.MAX_SHORT),
                HelperCodec.text(in, "when", HelperCodec.MAX_SHORT), HelperCodec.text(in, "zone", HelperCodec.MAX_SHORT),
                HelperCodec.list(in, "hours", HelperCodec.MAX_SPANS, HelperCodec.MAX_SHORT), in.readBoolean(),
                in.readBoolean(), in.readInt(),
                HelperCodec.list(in, "signin_titles", HelperCodec.MAX_PATTERNS, HelperCodec.MAX_PATTERN),
                HelperCodec.list(in, "signin_apps", HelperCodec.MAX_APPS, HelperCodec.MAX_APP),
                HelperCodec.text(in, "profile", HelperCodec.MAX_SHORT), in.readInt(),
                HelperCodec.list(in, "categories", HelperCodec.MAX_CATEGORIES, HelperCodec.MAX_SHORT * 2),
                in.readInt(), in.readBoolean(), HelperCodec.text(in, "notice_version", HelperCodec.MAX_SHORT * 2),
                HelperCodec.text(in, "notice_text", HelperCodec.MAX_NOTICE_TEXT),
                HelperCodec.list(in, "screenshot_categories", HelperCodec.MAX_CATEGORIES, HelperCodec.MAX_SHORT),
                in.readInt(), HelperCodec.list(in, "no_imagery", HelperCodec.MAX_CATEGORIES, HelperCodec.MAX_SHORT),
                in.readBoolean());
    }
}
