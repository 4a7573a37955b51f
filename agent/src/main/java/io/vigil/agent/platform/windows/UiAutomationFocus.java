package io.vigil.agent.platform.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.COM.Unknown;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WTypes;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * The focused element's IsPassword through the UI Automation COM API (UIAutomationCore.dll, Windows 7+),
 * with JNA's COM helpers from jna-platform (already on the classpath through OSHI).
 *
 * <p>Vtable slots are from UIAutomationClient.h (IUnknown takes 0-2): IUIAutomation::GetFocusedElement is
 * slot 8, IUIAutomationElement::get_CurrentIsPassword slot 35.
 *
 * <p><b>Untested</b>: written for Windows and never run there by Vigil's CI. COM is initialised on the
 * calling thread (the capture queue's, the only caller), multithreaded apartment.
 */
public final class UiAutomationFocus implements FocusedElement {

    private static final Guid.CLSID CLSID_CUI_AUTOMATION = new Guid.CLSID("{FF48DBA4-60EF-4201-AA87-54103EEF594E}");
    private static final Guid.IID IID_IUI_AUTOMATION = new Guid.IID("{30CBE57D-D9D0-452A-AB13-7AC5AC4825EE}");
    private static final int GET_FOCUSED_ELEMENT = 8;
    private static final int GET_CURRENT_IS_PASSWORD = 35;

    private Thread initialisedOn;
    private Automation automation;

    /** IUIAutomation and IUIAutomationElement: JNA's Unknown gives vtable calls by slot. */
    private static final class Automation extends Unknown {
        Automation(Pointer p) {
            super(p);
        }

        int call(int slot, Object... args) {
            return _invokeNativeInt(slot, args);
        }
    }

    @Override
    public Optional<Boolean> isPassword() {
        Automation uia = automation();
        PointerByReference element = new PointerByReference();
        int hr = uia.call(GET_FOCUSED_ELEMENT, uia.getPointer(), element);
        if (hr != 0 || element.getValue() == null) {
            return Optional.empty(); // nothing focused (the desktop, or a window closing)
        }
        Automation focused = new Automation(element.getValue());
        try {
            IntByReference isPassword = new IntByReference();
            hr = focused.call(GET_CURRENT_IS_PASSWORD, focused.getPointer(), isPassword);
            if (hr != 0) {
                throw new IllegalStateException("IsPassword failed: HRESULT 0x" + Integer.toHexString(hr));
            }
            return Optional.of(isPassword.getValue() != 0);
        } finally {
            focused.Release();
        }
    }

    private Automation automation() {
        if (automation != null && initialisedOn == Thread.currentThread()) {
            return automation;
        }
        WinNT.HRESULT init = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        int initCode = init.intValue();
        if (initCode != 0 && initCode != 1) { // S_OK, S_FALSE (already initialised on this thread)
            throw new IllegalStateException("CoInitializeEx failed: HRESULT 0x" + Integer.toHexString(initCode));
        }
        PointerByReference instance = new PointerByReference();
        WinNT.HRESULT hr = Ole32.INSTANCE.CoCreateInstance(CLSID_CUI_AUTOMATION, null, WTypes.CLSCTX_INPROC_SERVER,
                IID_IUI_AUTOMATION, instance);
        if (hr.intValue() != 0) {
            throw new IllegalStateException("UI Automation unavailable: HRESULT 0x" + Integer.toHexString(hr.intValue()));
        }
        automation = new Automation(instance.getValue());
        initialisedOn = Thread.currentThread();
        return automation;
    }
}
