package io.subregistry.notice.rest;

import io.subregistry.notice.NoticeEvidence;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.notice.objection.ObjectionView;
import io.subregistry.platform.MediaNegotiation;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Proof of notice per version, and the objections it drew. */
@Path("/api/v1/versions/{number}")
@RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
@Tag(name = "Audit")
public class NoticeEvidenceResource {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final NoticeEvidence evidence;
    private final ObjectionService objections;

    public NoticeEvidenceResource(NoticeEvidence evidence, ObjectionService objections) {
        this.evidence = evidence;
        this.objections = objections;
    }

    @GET
    @Path("notices")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Every notice about the version: recipient, kind, status, attempts, times, Message-ID, with totals."
            + " `Accept: text/csv` or `?format=csv` gives the same as an evidence file.")
    public Response notices(@PathParam("number") int number,
                            @Parameter(description = "json or csv: overrides Accept, for links") @QueryParam("format") String format,
                            @Context HttpHeaders headers) {
        MediaType type = MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, CSV);
        NoticeEvidence.Report report = evidence.of(number);
        if (type.equals(CSV)) {
            return Response.ok(NoticeEvidence.csv(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"notices-version-" + number + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("objections")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Objections to the version, with their resolutions")
    public List<ObjectionView> objections(@PathParam("number") int number) {
        return objections.ofVersion(number);
    }
}
