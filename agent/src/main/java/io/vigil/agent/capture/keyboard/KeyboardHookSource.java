package io.vigil.agent.capture.keyboard;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.CaptureSource;
import io.vigil.agent.capture.CaptureUnavailableException;
import io.vigil.agent.capture.KeyDelete;
import io.vigil.agent.capture.keyboard.KeyTranslator.EditKey;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed text from the system-wide keyboard hook (JNativeHook: XRecord on X11, a low-level hook on
 * Windows, an event tap on macOS). Reports key events only; what the text means, and whether it may be
 * kept at all, is decided after the {@link io.vigil.agent.capture.CaptureQueue}.
 *
 * <p>The listener runs on the hook's own native thread (a direct dispatcher, not JNativeHook's default
 * executor) and only enqueues, so each key is stamped with the moment it happened; the
 * {@link io.vigil.agent.capture.CaptureQueue} uses that to tell which window a key was typed in.
 */
public final class KeyboardHookSource implements CaptureSource, NativeKeyListener, NativeMouseListener {

    private static final Logger log = LoggerFactory.getLogger(KeyboardHookSource.class);

    private volatile Consumer<CaptureEvent> sink;

    @Override
    public String capability() {
        return "capture.keyboard";
    }

    @Override
    public void start(Consumer<CaptureEvent> sink) throws CaptureUnavailableException {
        // JNativeHook logs every event at INFO through java.util.logging: far too chatty, and keystrokes.
        java.util.logging.Logger.getLogger(GlobalScreen.class.getPackageName()).setLevel(Level.WARNING);
        java.util.logging.Logger.getLogger(GlobalScreen.class.getPackageName()).setUseParentHandlers(false);
        this.sink = sink;
        try {
            GlobalScreen.registerNativeHook();
        } catch (NativeHookException | UnsatisfiedLinkError e) {
            this.sink = null;
            throw new CaptureUnavailableException("keyboard hook failed: " + e.getMessage(), e);
        }
        // Only after registering: registerNativeHook() shuts down whatever dispatcher was set before it.
        GlobalScreen.setEventDispatcher(new DirectExecutor());
        GlobalScreen.addNativeKeyListener(this);
        GlobalScreen.addNativeMouseListener(this);
        log.info("keyboard hook registered");
    }

    @Override
    public void nativeKeyTyped(NativeKeyEvent e) {
        emit(KeyTranslator.typed(e.getKeyChar()));
    }

    @Override
    public void nativeKeyPressed(NativeKeyEvent e) {
        int mods = e.getModifiers();
        boolean ctrl = (mods & (NativeInputEvent.CTRL_MASK | NativeInputEvent.META_MASK)) != 0
                && (mods & NativeInputEvent.ALT_MASK) == 0;
        emit(KeyTranslator.pressed(kind(e.getKeyCode()), ctrl));
    }

    /** A click can move the caret or bring another window forward: the text so far ends here. */
    @Override
    public void nativeMousePressed(NativeMouseEvent e) {
        emit(Optional.of(new KeyDelete()));
    }

    private void emit(Optional<CaptureEvent> event) {
        Consumer<CaptureEvent> s = sink;
        if (event.isPresent() && s != null) {
            s.accept(event.get());
        }
    }

    private static EditKey kind(int code) {
        return switch (code) {
            case NativeKeyEvent.VC_BACKSPACE -> EditKey.BACKSPACE;
            case NativeKeyEvent.VC_DELETE -> EditKey.DELETE;
            case NativeKeyEvent.VC_LEFT, NativeKeyEvent.VC_RIGHT, NativeKeyEvent.VC_UP, NativeKeyEvent.VC_DOWN,
                 NativeKeyEvent.VC_HOME, NativeKeyEvent.VC_END, NativeKeyEvent.VC_PAGE_UP,
                 NativeKeyEvent.VC_PAGE_DOWN -> EditKey.CARET;
            case NativeKeyEvent.VC_SHIFT, NativeKeyEvent.VC_CONTROL, NativeKeyEvent.VC_ALT, NativeKeyEvent.VC_META,
                 NativeKeyEvent.VC_CAPS_LOCK, NativeKeyEvent.VC_NUM_LOCK -> EditKey.MODIFIER;
            default -> EditKey.OTHER;
        };
    }

    @Override
    public void close() {
        if (sink == null) {
            return;
        }
        sink = null;
        GlobalScreen.removeNativeKeyListener(this);
        GlobalScreen.removeNativeMouseListener(this);
        try {
            GlobalScreen.unregisterNativeHook();
        } catch (NativeHookException e) {
            log.warn("keyboard hook did not unregister cleanly: {}", e.getMessage());
        }
    }
}
