package org.geoserver.cluster.rest.internal;

import java.util.Set;

/** Checks a user name and password. */
@FunctionalInterface
interface Authenticator {

    /** The user's roles, or null when the credentials are wrong. */
    Set<String> roles(String user, String password);
}
