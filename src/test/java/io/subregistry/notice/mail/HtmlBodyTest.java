package io.subregistry.notice.mail;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlBodyTest {

    @Test
    void everyCharacterOutsideAsciiBecomesANumericReference() {
        String compact = HtmlBody.compact("<p>Zürich → Genève · 東京 😀</p>\n");

        assertThat(compact).isEqualTo("<p>Z&#252;rich &#8594; Gen&#232;ve &#183; &#26481;&#20140; &#128512;</p>\n");
        assertThat(compact.chars()).allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f);
    }

    @Test
    void shortLinesArePackedAndNoLineExceedsTheLimit() {
        StringBuilder html = new StringBuilder("<table>\n");
        for (int row = 0; row < 500; row++) {
            html.append("  <tr><td>Entry ").append(row).append("</td>\n    <td>Some processing activity</td></tr>\n");
        }
        html.append("</table>\n");

        String compact = HtmlBody.compact(html.toString());

        List<String> lines = compact.lines().toList();
        assertThat(lines).allMatch(line -> line.length() <= HtmlBody.LINE_LIMIT);
        assertThat(lines.size()).isLessThan(html.toString().lines().toList().size() / 10);
        assertThat(words(compact)).isEqualTo(words(html.toString()));
    }

    @Test
    void aLineLongerThanTheLimitIsKeptWhole() {
        String longValue = "x".repeat(2_000);
        String compact = HtmlBody.compact("<p>before</p>\n<td>" + longValue + "</td>\n<p>after</p>");

        assertThat(compact.lines()).containsExactly("<p>before</p>", "<td>" + longValue + "</td>", "<p>after</p>");
    }

    @Test
    void controlCharactersAndBlankLinesDisappear() {
        assertThat(HtmlBody.compact("<p>a\u0000b\u0007c</p>\r\n\r\n   \n<p>d</p>")).isEqualTo("<p>a b c</p> <p>d</p>\n");
    }

    @Test
    void theTextIsUnchangedForAReaderOfHtml() {
        String html = "<p>Gong.io\n   records calls</p>\n<p>Zürich</p>";

        assertThat(decode(words(HtmlBody.compact(html)))).isEqualTo(words(html));
    }

    private static List<String> words(String html) {
        return Arrays.asList(html.strip().split("\\s+"));
    }

    private static List<String> decode(List<String> words) {
        Pattern reference = Pattern.compile("&#(\\d+);");
        return words.stream().map(word -> {
            Matcher matcher = reference.matcher(word);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(matcher.group(1)))));
            }
            return matcher.appendTail(out).toString();
        }).toList();
    }
}
