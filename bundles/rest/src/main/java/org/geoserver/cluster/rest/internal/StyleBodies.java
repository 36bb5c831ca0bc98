package org.geoserver.cluster.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the API needs to know about an SLD body without a styling library: that it is a well-formed
 * StyledLayerDescriptor, its version and the name of its first style. The parser refuses DTDs, so
 * an upload cannot make the node read local files or URLs.
 */
final class StyleBodies {

    static final String SLD_10 = "1.0.0";
    static final String SE_11 = "1.1.0";

    private static final String ROOT = "StyledLayerDescriptor";

    /** The facts of one SLD document. */
    record Sld(String styleName, String version) {}

    private StyleBodies() {}

    /**
     * Parses an SLD upload.
     *
     * @param body the document
     * @param mediaType the request's Content-Type: SE's media type means 1.1.0 whatever the document says
     */
    static Sld parse(byte[] body, String mediaType) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no stderr noise: errors arrive as exceptions
            document = builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw RestException.badRequest("malformed SLD: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read an SLD: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!ROOT.equals(root.getLocalName())) {
            throw RestException.badRequest("not an SLD: the root element is <" + root.getTagName() + ">, not <" + ROOT + ">");
        }
        boolean se = mediaType != null && mediaType.toLowerCase().startsWith(Format.SE_MEDIA_TYPE);
        String version = se || SE_11.equals(root.getAttribute("version")) ? SE_11 : SLD_10;
        String name = firstName(root, "UserStyle");
        return new Sld(name != null ? name : firstName(root, "NamedLayer"), version);
    }

    /** The version the media type alone states, for bodies stored unparsed ({@code raw=true}). */
    static String versionOf(String mediaType) {
        return mediaType != null && mediaType.toLowerCase().startsWith(Format.SE_MEDIA_TYPE) ? SE_11 : SLD_10;
    }

    /** The media type of a stored style file. */
    static String mediaType(String version) {
        return SE_11.equals(version) ? Format.SE_MEDIA_TYPE : Format.SLD.mediaType();
    }

    /** True when an XML body is an SLD (some clients send SLD as plain application/xml). */
    static boolean isSld(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8);
        int at = 0;
        while ((at = start.indexOf('<', at)) >= 0) {
            if (at + 1 < start.length() && start.charAt(at + 1) != '?' && start.charAt(at + 1) != '!') {
                int end = at + 1;
                while (end < start.length() && !Character.isWhitespace(start.charAt(end)) && start.charAt(end) != '>' && start.charAt(end) != '/') {
                    end++;
                }
                String name = start.substring(at + 1, end);
                return name.equals(ROOT) || name.endsWith(":" + ROOT);
            }
            at++;
        }
        return false;
    }

    /** The text of the Name child of the first element with this local name, in document order. */
    private static String firstName(Element root, String localName) {
        for (Node node = root.getFirstChild(); node != null; node = next(node, root)) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element name && "Name".equals(name.getLocalName()) && !name.getTextContent().isBlank()) {
                        return name.getTextContent().trim();
                    }
                }
            }
        }
        return null;
    }

    /** Depth-first document order within {@code root}. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node current = node; current != null && current != root; current = current.getParentNode()) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
        }
        return null;
    }
}
