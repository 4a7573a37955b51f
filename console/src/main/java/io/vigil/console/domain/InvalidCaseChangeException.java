package io.vigil.console.domain;

/** A change to a case that cannot be made as asked, said in words the DSL can act on. */
public class InvalidCaseChangeException extends ConsoleException {

    public InvalidCaseChangeException(String message) {
        super(message);
    }
}
