package io.subregistry.web.embed;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the embeddable list and of the HTML fragment ({@code {embed:key}} in templates),
 * in English here and in messages/embed_de.properties and embed_fr.properties.
 */
@MessageBundle("embed")
public interface EmbedMessages {

    @Message("Sub-processors")
    String title();

    @Message("Last updated:")
    String lastUpdated();

    @Message("No list has been published yet.")
    String nothingPublished();

    @Message("There is no such section in the list.")
    String unknownSection();

    @Message("Show the whole list")
    String wholeList();

    @Message("Get notified of changes by e-mail")
    String subscribe();

    @Message("Full list and history")
    String fullList();

    @Message("(opens in a new tab)")
    String newTab();

    @Message("No sub-processors in this section yet.")
    String sectionEmpty();

    @Message("Note:")
    String note();

    @Message("Website")
    String website();

    @Message("Website of {name}")
    String websiteOf(String name);

    @Message("DPA")
    String dpa();

    @Message("DPA of {name}")
    String dpaOf(String name);

    @Message("Transfer:")
    String transfer();
}
