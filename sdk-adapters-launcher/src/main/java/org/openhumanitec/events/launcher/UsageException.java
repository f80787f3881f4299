package org.openhumanitec.events.launcher;

/** The command line or the environment asks for something that cannot be done; the message says what to change. */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message for the user.
     *
     * @param message what is wrong and how to fix it; never a secret
     */
    public UsageException(String message) {
        super(message);
    }
}
