package io.subregistry.brand;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContrastTest {

    @Test
    void computesTheWcagRatioAgainstWhite() {
        assertThat(Contrast.againstWhite("#000000")).isCloseTo(21.0, within(0.01));
        assertThat(Contrast.againstWhite("#ffffff")).isCloseTo(1.0, within(0.01));
        // Known pairs: #767676 is the lightest grey that passes AA on white, #777777 fails.
        assertThat(Contrast.againstWhite("#767676")).isGreaterThanOrEqualTo(Contrast.MINIMUM);
        assertThat(Contrast.againstWhite("#777777")).isLessThan(Contrast.MINIMUM);
        assertThat(Contrast.againstWhite("#0b5fff")).isGreaterThan(4.5);
        assertThat(Contrast.againstWhite("#ffcc00")).isLessThan(2.0);
    }

    @Test
    void normalisesHexColoursAndRejectsAnythingElse() {
        assertThat(Contrast.normalise("#0B5FFF")).isEqualTo("#0b5fff");
        assertThat(Contrast.normalise("0b5fff")).isEqualTo("#0b5fff");
        assertThat(Contrast.normalise("#06c")).isEqualTo("#0066cc");
        assertThat(Contrast.normalise("blue")).isNull();
        assertThat(Contrast.normalise("#0b5fff; background:url(x)")).isNull();
        assertThat(Contrast.normalise(null)).isNull();
    }
}
