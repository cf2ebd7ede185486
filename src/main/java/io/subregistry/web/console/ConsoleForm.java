package io.subregistry.web.console;

import io.subregistry.platform.error.RegistryException;
import io.subregistry.web.console.ConsolePages.Form;

import java.util.Map;

/**
 * A console form as it was posted: the service's input it stands for, and what to show again
 * when it is invalid or refused. Its own constraints (a number typed as text) are checked
 * with the input's by {@link Console#submit}.
 */
interface ConsoleForm<I> {

    /** What the service is asked to do; may be refused (a file that cannot be read). */
    I toInput();

    /** The fields as typed, to fill the form again. */
    Map<String, String> values();

    default Form refusal(RegistryException refused) {
        return Form.refused(values(), refused);
    }
}
