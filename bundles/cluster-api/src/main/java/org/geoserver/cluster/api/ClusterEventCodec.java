package org.geoserver.cluster.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The byte form of an event, used on the wire and in the outbox: a versioned envelope with typed
 * fields (no Java serialization, nothing in it selects a class) and, when a shared secret is set,
 * an HMAC-SHA256 signature that receivers with the same secret require.
 */
public final class ClusterEventCodec {

    private static final int MAGIC = 0x47534345; // "GSCE"
    private static final byte VERSION = 1;
    private static final int SIGNATURE_LENGTH = 32;
    private static final int MAX_FIELD = 64 * 1024 * 1024;

    private final byte[] secret;

    /** @param secret shared secret; empty for unsigned events */
    public ClusterEventCodec(String secret) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] encode(ClusterEvent event) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(event.payload().length() + 256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            writeString(out, event.id());
            writeString(out, event.origin());
            writeString(out, event.group());
            out.writeLong(event.sequence());
            out.writeLong(event.timestamp());
            out.writeByte(event.operation().ordinal());
            writeString(out, event.objectType());
            writeString(out, event.objectId());
            writeString(out, event.payload());
            out.writeInt(event.changedProperties().size());
            for (String property : event.changedProperties()) {
                writeString(out, property);
            }
            writeBytes(out, event.styleBody());
            out.writeBoolean(event.purge());
            out.writeBoolean(secret.length > 0);
            out.flush();
            if (secret.length > 0) {
                out.write(sign(bytes.toByteArray()));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + event, e);
        }
    }

    public ClusterEvent decode(byte[] message) throws InvalidEventException {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(message));
            if (in.readInt() != MAGIC) {
                throw new InvalidEventException("not a cluster event (bad magic number)");
            }
            byte version = in.readByte();
            if (version != VERSION) {
                throw new InvalidEventException("cluster event format version " + version + " is not supported (this node reads " + VERSION + ")");
            }
            String id = readString(in);
            String origin = readString(in);
            String group = readString(in);
            long sequence = in.readLong();
            long timestamp = in.readLong();
            int operation = in.readByte();
            if (operation < 0 || operation >= ClusterEvent.Operation.values().length) {
                throw new InvalidEventException("event " + id + " from " + origin + " has unknown operation " + operation);
            }
            String objectType = readString(in);
            String objectId = readString(in);
            String payload = readString(in);
            int count = in.readInt();
            if (count < 0 || count > 10_000) {
                throw new InvalidEventException("event " + id + " from " + origin + " lists " + count + " changed properties");
            }
            List<String> properties = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                properties.add(readString(in));
            }
            byte[] styleBody = readBytes(in);
            boolean purge = in.readBoolean();
            boolean signed = in.readBoolean();
            int signedLength = message.length - in.available();
            if (secret.length > 0) {
                if (!signed || in.available() != SIGNATURE_LENGTH) {
                    throw new InvalidEventException("event " + id + " from " + origin + " is not signed, and this node requires signed events");
                }
                byte[] expected = sign(Arrays.copyOf(message, signedLength));
                byte[] actual = in.readNBytes(SIGNATURE_LENGTH);
                if (!MessageDigest.isEqual(expected, actual)) {
                    throw new InvalidEventException("event " + id + " from " + origin + " has a wrong signature (different secret, or altered)");
                }
            }
            return new ClusterEvent(id, origin, group, sequence, timestamp, ClusterEvent.Operation.values()[operation], objectType, objectId,
                    payload, properties, styleBody, purge);
        } catch (IOException e) {
            throw new InvalidEventException("truncated or corrupt cluster event: " + e.getMessage(), e);
        }
    }

    private byte[] sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static String readString(DataInputStream in) throws IOException, InvalidEventException {
        byte[] bytes = readBytes(in);
        if (bytes == null) {
            throw new InvalidEventException("a required text field is missing");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException, InvalidEventException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_FIELD || length > in.available()) {
            throw new InvalidEventException("field length " + length + " exceeds the message");
        }
        return in.readNBytes(length);
    }
}
