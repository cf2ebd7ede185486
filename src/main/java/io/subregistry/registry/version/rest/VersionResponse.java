package io.subregistry.registry.version.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.diff.ChangeType;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.version.ContractedNotice;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionStatus;
import io.subregistry.registry.version.VersionSignature;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One version in full: its metadata, hash link, the contracts an emergency breached, and its snapshot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionResponse(int number, VersionStatus status, Instant publishedAt, Instant effectiveAt,
                              String summary, String publisher, String emergencyReason, int noticePeriodDays,
                              int entryCount, Map<ChangeType, Integer> changes, String hash, String previousHash,
                              VersionSignature signature, List<ContractedNotice.Breach> breaches,
                              VersionHeader.Withdrawal withdrawal, Snapshot snapshot) {

    public static VersionResponse of(VersionHeader header, VersionStatus status, Map<ChangeType, Integer> changes,
                              VersionSignature signature, List<ContractedNotice.Breach> breaches, Snapshot snapshot) {
        return new VersionResponse(header.number(), status, header.publishedAt(), header.effectiveAt(),
                header.summary(), header.publisher(), header.emergencyReason(), header.noticePeriodDays(),
                header.entryCount(), changes, header.hash(), header.previousHash(), signature, breaches,
                header.withdrawal(), snapshot);
    }
}
