package org.geoserver.cluster.api;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The typed fields and the signature shared by the byte formats of this package. */
final class WireFields {

    static final int SIGNATURE_LENGTH = 32;
    private static final int MAX_FIELD = 64 * 1024 * 1024;

    private WireFields() {}

    static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    static String readString(DataInputStream in) throws IOException, InvalidEventException {
        byte[] bytes = readBytes(in);
        if (bytes == null) {
            throw new InvalidEventException("a required text field is missing");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] readBytes(DataInputStream in) throws IOException, InvalidEventException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_FIELD) {
            throw new InvalidEventException("field length " + length + " exceeds the limit");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new InvalidEventException("field length " + length + " exceeds the message");
        }
        return bytes;
    }

    /** A count that must lie between 0 and {@code max}. */
    static int readCount(DataInputStream in, int max, String what) throws IOException, InvalidEventException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new InvalidEventException(what + ": count " + count + " out of range");
        }
        return count;
    }

    static byte[] sign(byte[] secret, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
