package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** A message's id for the log, even when the message cannot tell it. */
final class MessageIds {

    private MessageIds() {}

    static String of(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }
}
