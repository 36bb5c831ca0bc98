package org.geoserver.cluster.api;

import static org.geoserver.cluster.api.WireFields.readBytes;
import static org.geoserver.cluster.api.WireFields.readCount;
import static org.geoserver.cluster.api.WireFields.readString;
import static org.geoserver.cluster.api.WireFields.writeBytes;
import static org.geoserver.cluster.api.WireFields.writeString;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte form of an event, used on the wire and in the outbox: a versioned envelope with typed
 * fields (no Java serialization, nothing in it selects a class) and, when a shared secret is set,
 * an HMAC-SHA256 signature that receivers with the same secret require.
 */
public final class ClusterEventCodec {

    private static final int MAGIC = 0x47534345; // "GSCE"
    /**
     * 2 adds the user who made the change, 3 the kind of the object; versions 1 and 2 (without
     * them: catalog events) are still read.
     */
    private static final byte VERSION = 3;
    private static final int SIGNATURE_LENGTH = WireFields.SIGNATURE_LENGTH;

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
            writeBytes(out, event.user() == null ? null : event.user().getBytes(StandardCharsets.UTF_8));
            writeString(out, event.kind());
            out.writeBoolean(secret.length > 0);
            out.flush();
            if (secret.length > 0) {
                byte[] unsigned = bytes.toByteArray();
                out.write(WireFields.sign(secret, unsigned, unsigned.length));
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
            if (version < 1 || version > VERSION) {
                throw new InvalidEventException("cluster event format version " + version + " is not supported (this node reads 1 to " + VERSION + ")");
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
            int count = readCount(in, 10_000, "changed properties of event " + id + " from " + origin);
            List<String> properties = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                properties.add(readString(in));
            }
            byte[] styleBody = readBytes(in);
            boolean purge = in.readBoolean();
            byte[] user = version >= 2 ? readBytes(in) : null;
            String kind = version >= 3 ? readString(in) : ClusterEvent.CATALOG;
            boolean signed = in.readBoolean();
            int signedLength = message.length - in.available();
            if (secret.length > 0) {
                if (!signed || in.available() != SIGNATURE_LENGTH) {
                    throw new InvalidEventException("event " + id + " from " + origin + " is not signed, and this node requires signed events");
                }
                byte[] expected = WireFields.sign(secret, message, signedLength);
                byte[] actual = in.readNBytes(SIGNATURE_LENGTH);
                if (!MessageDigest.isEqual(expected, actual)) {
                    throw new InvalidEventException("event " + id + " from " + origin + " has a wrong signature (different secret, or altered)");
                }
            }
            return new ClusterEvent(id, origin, group, sequence, timestamp, ClusterEvent.Operation.values()[operation], objectType, objectId,
                    payload, properties, styleBody, purge, user == null ? null : new String(user, StandardCharsets.UTF_8), kind);
        } catch (IOException e) {
            throw new InvalidEventException("truncated or corrupt cluster event: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps other bytes that travel between nodes (snapshots, digests) in the same signature as
     * events: a flag saying whether it is signed, the bytes, the HMAC when a secret is set.
     */
    public byte[] seal(byte[] content) {
        byte[] sealed = new byte[1 + content.length + (secret.length > 0 ? SIGNATURE_LENGTH : 0)];
        sealed[0] = (byte) (secret.length > 0 ? 1 : 0);
        System.arraycopy(content, 0, sealed, 1, content.length);
        if (secret.length > 0) {
            System.arraycopy(WireFields.sign(secret, sealed, 1 + content.length), 0, sealed, 1 + content.length, SIGNATURE_LENGTH);
        }
        return sealed;
    }

    /**
     * The bytes {@link #seal} wrapped, checking the signature when this node has a secret.
     *
     * @param what names the content in the error message
     */
    public byte[] unseal(byte[] sealed, String what) throws InvalidEventException {
        if (sealed.length < 1) {
            throw new InvalidEventException(what + " is empty");
        }
        boolean signed = sealed[0] == 1;
        if (secret.length == 0) {
            return Arrays.copyOfRange(sealed, 1, sealed.length - (signed ? SIGNATURE_LENGTH : 0));
        }
        if (!signed || sealed.length < 1 + SIGNATURE_LENGTH) {
            throw new InvalidEventException(what + " is not signed, and this node requires signed messages");
        }
        int length = sealed.length - SIGNATURE_LENGTH;
        if (!MessageDigest.isEqual(WireFields.sign(secret, sealed, length), Arrays.copyOfRange(sealed, length, sealed.length))) {
            throw new InvalidEventException(what + " has a wrong signature (different secret, or altered)");
        }
        return Arrays.copyOfRange(sealed, 1, length);
    }
}
