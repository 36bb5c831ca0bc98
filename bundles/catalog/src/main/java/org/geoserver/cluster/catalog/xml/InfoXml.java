package org.geoserver.cluster.catalog.xml;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.XStreamException;
import com.thoughtworks.xstream.converters.Converter;
import com.thoughtworks.xstream.converters.MarshallingContext;
import com.thoughtworks.xstream.converters.UnmarshallingContext;
import com.thoughtworks.xstream.io.HierarchicalStreamReader;
import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import com.thoughtworks.xstream.io.naming.NoNameCoder;
import com.thoughtworks.xstream.io.xml.PrettyPrintWriter;
import com.thoughtworks.xstream.io.xml.MXParserDriver;
import com.thoughtworks.xstream.security.NoTypePermission;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * GeoServer's XML format for catalog and configuration objects, through XStream as GeoServer does:
 * two-space indentation, no XML declaration, names written as they are (so {@code __default} stays).
 * Reading is restricted to an explicit allow-list: the root element must name one of the
 * {@link InfoType}s and nothing in the document ever selects a Java class, so a file or a message
 * naming any other class is refused. Thread-safe.
 */
public final class InfoXml {

    /** Texts up to this length are shared between objects (CRS definitions repeat thousands of times). */
    private static final int SHARED_TEXT_LENGTH = 4096;

    private final XStream xstream;
    /**
     * MXParser rather than the JDK's StAX: catalog files are small and many, and a StAX reader costs
     * more to create than the file costs to parse. MXParser reads no DTD and resolves no entity.
     */
    private final MXParserDriver driver = new MXParserDriver(new NoNameCoder());

    public InfoXml() {
        xstream = new XStream(driver);
        // In OSGi, XStream's own bundle cannot see our classes: resolve aliases through this bundle.
        xstream.setClassLoader(InfoXml.class.getClassLoader());
        xstream.addPermission(NoTypePermission.NONE);
        for (InfoType type : InfoType.values()) {
            xstream.allowTypes(new Class<?>[] {type.javaClass()});
            if (type == InfoType.SERVICE) {
                InfoType.SERVICE_ELEMENTS.forEach(element -> xstream.alias(element, type.javaClass()));
            } else {
                xstream.alias(type.elementName(), type.javaClass());
            }
        }
        xstream.registerConverter(new InfoConverter(), XStream.PRIORITY_VERY_HIGH);
    }

    /** Reads one object; the root element decides its type. */
    public Info read(InputStream in) {
        return read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public Info read(String xml) {
        return read(new StringReader(xml));
    }

    public Info read(Reader reader) {
        try {
            return (Info) xstream.unmarshal(driver.createReader(reader));
        } catch (XStreamException e) {
            throw new XmlFormatException(describe(e), e);
        }
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
        try {
            HierarchicalStreamReader reader = driver.createReader(new StringReader(xml));
            try {
                return readElement(reader);
            } finally {
                reader.close();
            }
        } catch (XStreamException e) {
            throw new XmlFormatException(describe(e), e);
        }
    }

    public XmlElement parse(byte[] xml) {
        return parse(new String(xml, StandardCharsets.UTF_8));
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

    public Info fromBytes(byte[] xml) {
        return read(new ByteArrayInputStream(xml));
    }

    private static void write(XmlElement element, Writer out) {
        PrettyPrintWriter writer = new PrettyPrintWriter(out, new NoNameCoder());
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

    private static XmlElement readElement(HierarchicalStreamReader reader) {
        XmlElement.Builder builder = XmlElement.builder(reader.getNodeName().intern());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            builder.attribute(reader.getAttributeName(i).intern(), reader.getAttribute(i));
        }
        if (reader.hasMoreChildren()) {
            while (reader.hasMoreChildren()) {
                reader.moveDown();
                builder.child(readElement(reader));
                reader.moveUp();
            }
        } else {
            String text = reader.getValue();
            if (text != null && !text.isEmpty()) {
                builder.text(text.length() <= SHARED_TEXT_LENGTH ? text.intern() : text);
            }
        }
        return builder.build();
    }

    private static String describe(XStreamException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e instanceof com.thoughtworks.xstream.security.ForbiddenClassException
                || e instanceof com.thoughtworks.xstream.mapper.CannotResolveClassException
                ? "not a catalog or configuration object (allowed root elements: the GeoServer catalog and service types)"
                : "malformed XML";
        return message + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse(""));
    }

    /** Keeps the whole element as a tree: no field of the document ever selects a class. */
    private static final class InfoConverter implements Converter {

        @Override
        public boolean canConvert(@SuppressWarnings("rawtypes") Class type) {
            return type != null && Info.class.isAssignableFrom(type);
        }

        @Override
        public void marshal(Object source, HierarchicalStreamWriter writer, MarshallingContext context) {
            Info info = (Info) source;
            for (Map.Entry<String, String> attribute : info.xml().attributes().entrySet()) {
                writer.addAttribute(attribute.getKey(), attribute.getValue());
            }
            for (XmlElement child : info.xml().children()) {
                writeElement(child, writer);
            }
        }

        @Override
        public Object unmarshal(HierarchicalStreamReader reader, UnmarshallingContext context) {
            return InfoType.wrapAny(readElement(reader));
        }
    }
}
