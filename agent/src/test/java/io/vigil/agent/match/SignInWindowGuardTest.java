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
}
