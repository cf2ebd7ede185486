package io.subregistry.support;

import io.subregistry.platform.i18n.Language;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The words a message bundle gives the constants of an enum (a method taking the enum: one message per constant). */
public final class EnumWords {

    private EnumWords() {
    }

    /** Each constant's word is text (not a key, nor the constant's name) and no two constants share one. */
    public static <E extends Enum<E>> void assertOwnWords(Language language, E[] constants, Function<E, String> word) {
        Set<String> seen = new HashSet<>();
        for (E constant : constants) {
            String text = word.apply(constant);
            assertThat(text).as(language + " " + constant).isNotBlank().doesNotContain("_").doesNotContain("$")
                    .isNotEqualTo(constant.name());
            assertThat(seen.add(text)).as(language + ": " + constant + " shares its word \"" + text + "\"").isTrue();
        }
    }
}
