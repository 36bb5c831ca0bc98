package org.geoserver.cluster.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful logins for a while, so that scripted clients sending Basic credentials with
 * every request do not run the JAAS login modules each time. Keys hold a hash of the password, never
 * the password; failed logins are not remembered, so a corrected password works at once.
 */
final class LoginCache implements Authenticator {

    /** Above this many entries, expired ones are dropped before adding another. */
    private static final int PRUNE_ABOVE = 1000;

    private record Entry(Set<String> roles, long expiresMillis) {}

    private final Authenticator delegate;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    LoginCache(Authenticator delegate, long ttlMillis, Clock clock) {
        this.delegate = delegate;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    @Override
    public Set<String> roles(String user, String password) {
        String key = key(user, password);
        long now = clock.millis();
        Entry cached = entries.get(key);
        if (cached != null && cached.expiresMillis() > now) {
            return cached.roles();
        }
        Set<String> roles = delegate.roles(user, password);
        if (roles != null) {
            if (entries.size() > PRUNE_ABOVE) {
                entries.values().removeIf(entry -> entry.expiresMillis() <= now);
            }
            entries.put(key, new Entry(Set.copyOf(roles), now + ttlMillis));
        } else {
            entries.remove(key);
        }
        return roles;
    }

    private static String key(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
