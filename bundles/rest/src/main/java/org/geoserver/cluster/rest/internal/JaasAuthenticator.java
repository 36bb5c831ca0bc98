package org.geoserver.cluster.rest.internal;

import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in against a JAAS realm, as Karaf's ssh shell and web console do. Roles are the principals
 * Karaf's login modules add for the user and its groups (org.apache.karaf.jaas.boot.principal.RolePrincipal),
 * recognised by class name so that this bundle needs no Karaf import.
 */
final class JaasAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Set<String> roles(String user, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's login module class through the context class loader; Karaf's
        // proxy login module is boot-delegated, so this bundle's loader sees it (the web container's may not).
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            context.login();
            Set<String> roles = new HashSet<>();
            subject.getPrincipals().stream().filter(p -> p.getClass().getName().endsWith("RolePrincipal")).forEach(p -> roles.add(p.getName()));
            context.logout();
            return roles;
        } catch (LoginException e) {
            LOG.debug("REST login of '{}' in realm '{}' refused: {}", user, realm, e.getMessage());
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, String password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback, "the REST API only has a user name and a password");
            }
        }
    }
}
