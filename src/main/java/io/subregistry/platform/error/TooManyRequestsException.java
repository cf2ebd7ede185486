package io.subregistry.platform.error;

/** The caller is over a rate limit; {@link #retryAfterSeconds()} says when to come back. */
public class TooManyRequestsException extends RegistryException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
