package io.subregistry.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.version.ChangeEventRepository;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionSignature;
import io.subregistry.registry.version.VersionSignatures;
import io.subregistry.registry.version.rest.ChangeResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The bodies of webhook events, in the format of /schemas/webhook-event/v1.json:
 * {@code {type, timestamp, data}}. A body is written once per event and stored, so every
 * endpoint and every retry gets (and has signed) the same bytes.
 */
@ApplicationScoped
public class WebhookPayloads {

    private final ObjectMapper json;
    private final ChangeEventRepository changes;
    private final VersionSignatures signatures;
    private final String baseUrl;

    public WebhookPayloads(ObjectMapper json, ChangeEventRepository changes, VersionSignatures signatures,
                           RegistryConfig config) {
        this.json = json;
        this.changes = changes;
        this.signatures = signatures;
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    record Event(String type, Instant timestamp, Object data) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Version(int number, Instant publishedAt, Instant effectiveAt, String summary, String emergencyReason,
                   String hash, String previousHash, VersionSignature signature, String url) {
    }

    record Published(Version version, Instant effectiveAt, List<ChangeResponse> changes) {
    }

    record Effective(Version version) {
    }

    /** version.published, written in the publishing transaction (the changes and signature are written by then). */
    public String published(VersionHeader header, Instant at) {
        List<ChangeResponse> changed = changes.ofVersion(header.number()).stream().map(ChangeResponse::of).toList();
        return write(new Event(WebhookEventType.VERSION_PUBLISHED.wireName(), at,
                new Published(version(header), header.effectiveAt(), changed)));
    }

    public String effective(VersionHeader header, Instant at) {
        return write(new Event(WebhookEventType.VERSION_EFFECTIVE.wireName(), at, new Effective(version(header))));
    }

    public String ping(String endpointId, Instant at) {
        return write(new Event(WebhookEventType.PING.wireName(), at,
                Map.of("message", "A test delivery from the sub-processor registry.", "endpointId", endpointId)));
    }

    /** An obligation.at_risk body; {@code data} follows the schema's obligation shape. */
    public String atRisk(Map<String, Object> data, Instant at) {
        return write(new Event(WebhookEventType.OBLIGATION_AT_RISK.wireName(), at, data));
    }

    private Version version(VersionHeader header) {
        VersionSignature signature = signatures.of(header.number())
                .orElseThrow(() -> new IllegalStateException("version " + header.number() + " is not signed yet"));
        return new Version(header.number(), header.publishedAt(), header.effectiveAt(), header.summary(),
                header.emergencyReason(), header.hash(), header.previousHash(), signature,
                baseUrl + "/api/v1/versions/" + header.number());
    }

    private String write(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook event could not be written as JSON", e);
        }
    }
}
