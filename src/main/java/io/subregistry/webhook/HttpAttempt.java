package io.subregistry.webhook;

/** What one HTTP attempt got: a status code and the start of the answer, or an error and no answer. */
public record HttpAttempt(Integer statusCode, int latencyMillis, String response, String error) {

    public boolean accepted() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
