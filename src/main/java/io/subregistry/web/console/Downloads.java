package io.subregistry.web.console;

import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;

/**
 * Files the console hands over in the signed-in session. The session cookie only signs in
 * {@code /console} (the API takes Basic credentials, never a browser's cookie), so every export
 * a console page links to is served under {@code /console} from the same service call as its API
 * twin: the same bytes, a file name, and no caching. New exports add an endpoint that returns
 * {@link #csv} or {@link #json} and link it from their page.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Response csv(String fileName, String content) {
        return file(fileName, "text/csv; charset=UTF-8", content.getBytes(StandardCharsets.UTF_8));
    }

    public static Response json(String fileName, byte[] content) {
        return file(fileName, "application/json", content);
    }

    private static Response file(String fileName, String type, byte[] content) {
        if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("not a safe file name: " + fileName);
        }
        return Response.ok(content, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
