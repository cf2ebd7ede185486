package io.subregistry.platform.error;

/** The one mapping from a kind of refusal to its HTTP status, for the API and the pages alike. */
public final class HttpStatuses {

    private HttpStatuses() {
    }

    public static int of(RegistryException refused) {
        if (refused instanceof ResourceNotFoundException) {
            return 404;
        }
        if (refused instanceof ConflictException) {
            return 409;
        }
        if (refused instanceof StaleRevisionException) {
            return 412;
        }
        if (refused instanceof PreconditionRequiredException) {
            return 428;
        }
        if (refused instanceof InvalidInputException) {
            return 400;
        }
        if (refused instanceof GoneException) {
            return 410;
        }
        if (refused instanceof TooManyRequestsException) {
            return 429;
        }
        return 422;
    }
}
