package org.geoserver.cluster.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs Karaf shell commands over ssh, as an operator's script would (the stock bin/client needs a
 * terminal). Every node generates its own host key, so any key is accepted: loopback only.
 */
public final class KarafShell {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KarafShell() {}

    /** Output (stdout and stderr, colours removed) of one command. */
    public static String execute(int port, String user, String password, String command) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            try (ChannelExec channel = session.createExecChannel(command)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(TIMEOUT);
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
                if (!events.contains(ClientChannelEvent.CLOSED)) {
                    throw new AssertionError("ssh command '" + command + "' on port " + port + " did not finish in " + TIMEOUT);
                }
                return out.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ssh command '" + command + "' on port " + port + " failed", e);
        } finally {
            client.stop();
        }
    }
}
