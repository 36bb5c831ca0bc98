package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the messages that are no valid cluster event in a folder of their own, one file each, for inspection. */
final class RejectedMessages {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedMessages.class);

    private final Path directory;
    private final AtomicLong count = new AtomicLong();

    RejectedMessages(Path directory) {
        this.directory = directory;
    }

    /** Writes the body to a file named after the message id and names the file in the log. */
    void keep(Message message, byte[] body, String reason) throws JMSException, IOException {
        count.incrementAndGet();
        Files.createDirectories(directory);
        Path file = directory.resolve(MessageIds.of(message).replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
        Files.write(file, body);
        LOG.error("Rejected message {} from {}: {}; kept in {}", MessageIds.of(message), message.getStringProperty("instanceName"), reason, file);
    }

    /** Messages rejected since the transport started. */
    long count() {
        return count.get();
    }
}
