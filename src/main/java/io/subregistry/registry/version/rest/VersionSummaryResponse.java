package io.subregistry.registry.version.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.diff.ChangeType;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionStatus;
import io.subregistry.registry.version.VersionSignature;

import java.time.Instant;
import java.util.Map;

/** A version without its snapshot, as listed by {@code GET /api/v1/versions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionSummaryResponse(int number, VersionStatus status, Instant publishedAt, Instant effectiveAt,
                                     String summary, String publisher, String emergencyReason, int noticePeriodDays,
                                     int entryCount, Map<ChangeType, Integer> changes, String hash,
                                     String previousHash, VersionSignature signature,
                                     VersionHeader.Withdrawal withdrawal) {

    public static VersionSummaryResponse of(VersionHeader header, VersionStatus status, Map<ChangeType, Integer> changes) {
        return of(header, status, changes, null);
    }

    public static VersionSummaryResponse of(VersionHeader header, VersionStatus status, Map<ChangeType, Integer> changes,
                                            VersionSignature signature) {
        return new VersionSummaryResponse(header.number(), status, header.publishedAt(), header.effectiveAt(),
                header.summary(), header.publisher(), header.emergencyReason(), header.noticePeriodDays(),
                header.entryCount(), changes, header.hash(), header.previousHash(), signature, header.withdrawal());
    }
}
