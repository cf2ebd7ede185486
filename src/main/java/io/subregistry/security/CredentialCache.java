package io.subregistry.security;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers that a password matched a given bcrypt hash, so that an API client sending HTTP
 * Basic on every request pays for bcrypt once, not per request. Only an HMAC of the password
 * under a key that never leaves this process is kept, and an entry is tied to the stored hash:
 * a password change anywhere invalidates it.
 */
@ApplicationScoped
public class CredentialCache {

    private static final int MAX_ENTRIES = 1000;

    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(String passwordHash, byte[] mac) {
    }

    public CredentialCache() {
        new SecureRandom().nextBytes(key);
    }

    public boolean isKnown(String username, String password, String passwordHash) {
        Entry entry = verified.get(username);
        return entry != null && entry.passwordHash().equals(passwordHash)
                && MessageDigest.isEqual(entry.mac(), mac(username, password));
    }

    public void remember(String username, String password, String passwordHash) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(username, new Entry(passwordHash, mac(username, password)));
    }

    public void forget(String username) {
        verified.remove(username);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
