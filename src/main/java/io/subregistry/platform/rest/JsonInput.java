package io.subregistry.platform.rest;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A {@code null} inside a JSON array or object value ({@code "roles": [null]}) is refused when the
 * body is read (400 naming the field), instead of travelling into the service as a null element.
 * Nesting depth stays bounded by Jackson's default (1,000 levels), refused as malformed JSON.
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }
}
