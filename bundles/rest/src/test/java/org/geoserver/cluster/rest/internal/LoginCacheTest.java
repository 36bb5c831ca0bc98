package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginCacheTest {

    private final AtomicInteger logins = new AtomicInteger();
    private Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final Authenticator realm = (user, password) -> {
        logins.incrementAndGet();
        return "secret".equals(password) ? Set.of("admin") : null;
    };
    private final LoginCache cache = new LoginCache(realm, 60_000, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    });

    @Test
    void aSuccessfulLoginIsRememberedUntilItExpires() {
        assertEquals(Set.of("admin"), cache.roles("admin", "secret"));
        assertEquals(Set.of("admin"), cache.roles("admin", "secret"));
        assertEquals(1, logins.get());
        clock = Clock.offset(clock, Duration.ofSeconds(61));
        assertEquals(Set.of("admin"), cache.roles("admin", "secret"));
        assertEquals(2, logins.get());
    }

    @Test
    void failuresAndOtherPasswordsAreNotServedFromTheCache() {
        cache.roles("admin", "secret");
        assertNull(cache.roles("admin", "wrong"));
        assertNull(cache.roles("admin", "wrong"));
        assertEquals(3, logins.get());
    }
}
