package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInWindowGuardTest {

    private final SignInWindowGuard guard = new SignInWindowGuard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Sign in - Google Accounts          | true",
        "SIGN-IN to Microsoft               | true",
        "Signin                             | true",
        "Log in to Instagram                | true",
        "Login - School Portal              | true",
        "Windows Logon                      | true",
        "Enter your password                | true",
        "Passcode required                  | true",
        "Enter PIN                          | true",
        "Two-factor authentication          | true",
        "Year 9 chat - Microsoft Teams      | false",
        "Pinterest - recipes                | false",
        "Designing a logo - Canva           | false",
        "Homework: passing the ball (PE)    | false",
    })
    void recognisesSignInAndPasswordWindows(String title, boolean signIn) {
        assertEquals(signIn, guard.isSignInWindow(title.strip()));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Passwords.kdbx - KeePassXC | keepassxc                                 | true",
        "Vault                       | C:\\Program Files\\Bitwarden\\Bitwarden.exe | true",
        "User Account Control        | consent.exe                               | true",
        "Authenticate                | pinentry-gnome3                           | true",
        "Screen locked               | kscreenlocker_greet                       | true",
        "Year 9 chat - Discord       | discord                                   | false",
    })
    void recognisesSecretPromptsByTheirApp(String title, String app, boolean signIn) {
        assertEquals(signIn, guard.isSignInWindow(title.strip(), app.strip()));
    }

    @org.junit.jupiter.api.Test
    void schoolsAddTheirOwnTitlesAndApps() {
        SignInWindowGuard school = new SignInWindowGuard(SignInWindowGuard.compileTitles(java.util.List.of("arbor mis")),
                java.util.Set.of("SchoolVault.exe"));
        assertEquals(true, school.isSignInWindow("Arbor MIS - Welcome", "chrome"));
        assertEquals(true, school.isSignInWindow("Home", "schoolvault"));
        assertEquals(false, school.isSignInWindow("Home", "chrome"));
    }
}
