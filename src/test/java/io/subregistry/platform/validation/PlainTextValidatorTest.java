package io.subregistry.platform.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "AWS (PaaS)", "Köpenicker Str. 126, 10179 Berlin", "phone\u2011call", "日本語", "a\u00A0b",
            "emoji \uD83D\uDE00", "quotes \" and 'apostrophes'"})
    void ordinaryTextIsPlain(String text) {
        assertThat(PlainTextValidator.isPlain(text, false)).isTrue();
        assertThat(PlainTextValidator.isPlain(text, true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\r\nb", "a\u0000b", "a\u2028b", "a\u2029b", "a\tb", "a\u0085b",
            "a\u007Fb", "a\u001Bb", "trailing\n"})
    void singleLineTextRefusesLineBreaksAndControlCharacters(String text) {
        assertThat(PlainTextValidator.isPlain(text, false)).isFalse();
    }

    @Test
    void multilineTextAllowsLfAndCrLf() {
        assertThat(PlainTextValidator.isPlain("first\nsecond", true)).isTrue();
        assertThat(PlainTextValidator.isPlain("first\r\nsecond\r\n", true)).isTrue();
        assertThat(PlainTextValidator.isPlain("\n\n", true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\r", "\r\r\n", "a\u0000b", "a\u2028b", "a\u2029b", "a\tb", "a\u000Bb", "a\u000Cb"})
    void multilineTextStillRefusesLoneCarriageReturnsAndOtherControls(String text) {
        assertThat(PlainTextValidator.isPlain(text, true)).isFalse();
    }

    @Test
    void theValidatorAcceptsNullAndUsesTheAnnotationsMultilineSetting() throws NoSuchFieldException {
        PlainTextValidator singleLine = new PlainTextValidator();
        singleLine.initialize(Holder.class.getDeclaredField("title").getAnnotation(PlainText.class));
        PlainTextValidator multiline = new PlainTextValidator();
        multiline.initialize(Holder.class.getDeclaredField("description").getAnnotation(PlainText.class));

        assertThat(singleLine.isValid(null, null)).isTrue();
        assertThat(singleLine.isValid("a\nb", null)).isFalse();
        assertThat(multiline.isValid("a\nb", null)).isTrue();
        assertThat(multiline.isValid("a\u0000b", null)).isFalse();
    }

    @SuppressWarnings("unused")
    private static final class Holder {
        @PlainText
        String title;
        @PlainText(multiline = true)
        String description;
    }
}
