package io.subregistry.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** Why a JSON text could not be read, in words for people: Jackson's limit messages name its own classes. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String reason(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return message.contains("nesting depth") ? "nested deeper than 1000 levels"
                    : "a number, string or name is longer than allowed";
        }
        return message.lines().findFirst().orElse("");
    }
}
