package io.subregistry.platform.error;

/** The thing existed but is no longer usable (an expired confirmation link). */
public class GoneException extends RegistryException {

    public GoneException(String detail) {
        super(detail);
    }
}
