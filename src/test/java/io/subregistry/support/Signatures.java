package io.subregistry.support;

import io.restassured.path.json.JsonPath;
import io.subregistry.signing.Ed25519;

import static io.restassured.RestAssured.given;

/** Checks a signature as an outsider would: the message built from the JSON's own strings, the key from the JWKS. */
public final class Signatures {

    private Signatures() {
    }

    /** A version ({@code number}) or a list document ({@code version}) with effectiveAt, hash and signature. */
    public static boolean verifies(JsonPath json) {
        String keyId = json.getString("signature.keyId");
        String x = given().get("/.well-known/subprocessor-keys.json").jsonPath()
                .getString("keys.find { it.kid == '" + keyId + "' }.x");
        int number = json.get("number") != null ? json.getInt("number") : json.getInt("version");
        String message = "subprocessor-list/v1\n" + number + "\n" + json.getString("effectiveAt") + "\n" + json.getString("hash");
        return Ed25519.verify(Ed25519.publicKey(x), message, json.getString("signature.value"));
    }
}
