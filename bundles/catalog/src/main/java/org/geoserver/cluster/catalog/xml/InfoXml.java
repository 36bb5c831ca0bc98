package org.geoserver.cluster.catalog.xml;

import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import com.thoughtworks.xstream.io.naming.NoNameCoder;
import com.thoughtworks.xstream.io.xml.PrettyPrintWriter;
import io.github.xstream.mxparser.MXParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;

/**
 * GeoServer's XML format for catalog and configuration objects, with XStream's writer and pull parser (MXParser) as
 * GeoServer does: two-space indentation, no XML declaration, names written as they are (so {@code __default} stays).
 * Reading is restricted to an explicit allow-list: the root element must name one of the
 * {@link InfoType}s and nothing in the document ever selects a Java class, so a file or a message
 * naming any other class is refused. Thread-safe.
 */
public final class InfoXml {

    private static final NoNameCoder NAME_CODER = new NoNameCoder();

    /** Texts up to this length are shared between objects (CRS definitions repeat thousands of times). */
    private static final int SHARED_TEXT_LENGTH = 4096;

    /**
     * How deep elements may nest in any document read here. GeoServer's objects nest less than ten
     * deep; the bound keeps a hostile document from exhausting the reading thread's stack, and
     * callers with a lower limit of their own (REST bodies) pass it to {@link #parse(byte[], int)}.
     */
    public static final int MAX_DEPTH = 256;

    /**
     * MXParser rather than the JDK's StAX: catalog files are small and many, and a StAX reader costs
     * more to create than the file costs to parse; a parser is reused, since creating one costs
     * about as much as reading a small object. MXParser reads no DTD and resolves no entity. No
     * field of a document ever selects a class: the root element picks one of the catalog types.
     */
    private final Queue<MXParser> parsers = new ConcurrentLinkedQueue<>();

    public Info read(String xml) {
        return read(new StringReader(xml));
    }

    public Info read(Reader reader) {
        return withParser(reader, parser -> {
            InfoType type = InfoType.forElement(parser.getName());
            String classAttribute = parser.getAttributeValue(null, "class");
            // A class attribute on the root is how XStream documents pick a class: never one of ours.
            if (type == null || classAttribute != null) {
                throw new XmlFormatException("not a catalog or configuration object (allowed root elements: the GeoServer catalog and service types): <"
                        + parser.getName() + (type == null ? "" : " class=\"" + classAttribute + "\"") + ">", null);
            }
            return type.wrap(readElement(parser, 1, MAX_DEPTH));
        });
    }

    /** Reads one object that must be of the given type. */
    public <T extends Info> T read(String xml, Class<T> expected) {
        Info info = read(xml);
        if (!expected.isInstance(info)) {
            throw new XmlFormatException("expected a " + InfoType.ofClass(expected).elementName() + ", got <" + info.xml().name() + ">", null);
        }
        return expected.cast(info);
    }

    /** Reads any well-formed element as a tree, without type checks (e.g. a REST body to merge). */
    public XmlElement parse(String xml) {
        return parse(xml, MAX_DEPTH);
    }

    /**
     * Reads any well-formed element as a tree whose elements nest at most {@code maxDepth} deep.
     *
     * @throws XmlTooDeepException when they nest deeper (or deeper than {@link #MAX_DEPTH})
     */
    public XmlElement parse(byte[] xml, int maxDepth) {
        return parse(new String(xml, StandardCharsets.UTF_8), maxDepth);
    }

    private XmlElement parse(String xml, int maxDepth) {
        int limit = Math.min(maxDepth, MAX_DEPTH);
        return withParser(new StringReader(xml), parser -> readElement(parser, 1, limit));
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(XmlPullParser parser) throws XmlPullParserException, IOException;
    }

    /** Hands the reader a parser standing on the document's root element; only the root element is read. */
    private <T> T withParser(Reader input, ElementReader<T> read) {
        MXParser parser = parsers.poll();
        if (parser == null) {
            parser = new MXParser();
        }
        try {
            parser.setInput(input);
            int event = parser.next();
            while (event != XmlPullParser.START_TAG) {
                if (event == XmlPullParser.END_DOCUMENT) {
                    throw new XmlPullParserException("no root element");
                }
                event = parser.next();
            }
            return read.read(parser);
        } catch (XmlPullParserException | IOException e) {
            throw new XmlFormatException(describe(e), e);
        } finally {
            parsers.offer(parser);
        }
    }

    public XmlElement parse(byte[] xml) {
        return parse(xml, MAX_DEPTH);
    }

    public void write(Info info, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(info.xml(), writer);
        try {
            writer.flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toXml(Info info) {
        return toXml(info.xml());
    }

    public String toXml(XmlElement element) {
        StringWriter out = new StringWriter();
        write(element, out);
        return out.toString();
    }

    public byte[] toBytes(Info info) {
        return toXml(info).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads one object from UTF-8 bytes (a file, an event's payload); the root element decides its
     * type. Decoded at once: a reader over the bytes would allocate a buffer larger than most
     * catalog objects.
     */
    public Info fromBytes(byte[] xml) {
        return read(new String(xml, StandardCharsets.UTF_8));
    }

    private static void write(XmlElement element, Writer out) {
        PrettyPrintWriter writer = new PrettyPrintWriter(out, NAME_CODER);
        writeElement(element, writer);
        writer.flush();
    }

    private static void writeElement(XmlElement element, HierarchicalStreamWriter writer) {
        writer.startNode(element.name());
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            writer.addAttribute(attribute.getKey(), attribute.getValue());
        }
        if (element.hasChildren()) {
            for (XmlElement child : element.children()) {
                writeElement(child, writer);
            }
        } else if (element.text() != null) {
            writer.setValue(element.text());
        }
        writer.endNode();
    }

    /**
     * The element the parser stands on, up to its end tag. As GeoServer's XStream reads it: an
     * element with child elements has no text (whitespace between them is layout), a leaf's text
     * is kept as it is; comments and processing instructions are skipped.
     */
    private static XmlElement readElement(XmlPullParser parser, int depth, int maxDepth) throws XmlPullParserException, IOException {
        if (depth > maxDepth) {
            throw new XmlTooDeepException(maxDepth);
        }
        String name = parser.getName().intern();
        XmlElement.Builder builder = XmlElement.builder(name);
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            builder.attribute(parser.getAttributeName(i).intern(), parser.getAttributeValue(i));
        }
        boolean children = false;
        String text = null; // one piece nearly always: the parser joins text around entities and CDATA
        for (int event = parser.next(); event != XmlPullParser.END_TAG; event = parser.next()) {
            if (event == XmlPullParser.START_TAG) {
                children = true;
                builder.child(readElement(parser, depth + 1, maxDepth));
            } else if (event == XmlPullParser.TEXT && !children) {
                text = text == null ? parser.getText() : text + parser.getText();
            } else if (event == XmlPullParser.END_DOCUMENT) {
                throw new XmlPullParserException("no end tag for <" + name + ">");
            }
        }
        if (!children && text != null && !text.isEmpty()) {
            builder.text(text.length() <= SHARED_TEXT_LENGTH ? text.intern() : text);
        }
        return builder.build();
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return "malformed XML: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse(""));
    }
}
