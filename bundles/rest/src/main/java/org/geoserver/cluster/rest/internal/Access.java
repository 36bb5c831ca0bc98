package org.geoserver.cluster.rest.internal;

import java.time.Clock;
import java.util.Set;

/**
 * Who may use the API: the authenticator checking Basic credentials and the roles needed to read
 * and to change the configuration.
 *
 * @param readRole empty when reads need no login
 */
record Access(Authenticator authenticator, String adminRole, String readRole) {

    static Access from(RestConfig config) {
        Authenticator jaas = new JaasAuthenticator(config.realm());
        Authenticator authenticator = config.loginCacheSeconds() > 0 ? new LoginCache(jaas, config.loginCacheSeconds() * 1000L, Clock.systemUTC()) : jaas;
        return new Access(authenticator, config.adminRole().trim(), config.readRole() == null ? "" : config.readRole().trim());
    }

    /** The role a request with this method needs; empty when none. */
    String requiredRole(String method) {
        return "GET".equals(method) ? readRole : adminRole;
    }

    /** The administrator role may do everything. */
    boolean permits(Set<String> roles, String required) {
        return roles.contains(required) || roles.contains(adminRole);
    }
}
