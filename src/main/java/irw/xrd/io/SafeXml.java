package irw.xrd.io;

import irw.core.PatternFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DOM parsing of instrument XML with the attacks closed: no DOCTYPE (so no entity expansion or
 * external entities), secure processing limits, and a cap on element depth. Parse errors become
 * {@link PatternFormatException}s with line and column, and nothing is printed to stderr.
 */
final class SafeXml {
    private SafeXml() {
    }

    static Document parse(SourceFile src, byte[] xml, String what) throws PatternFormatException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw src.fail(what + " is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage() + ")", e);
        } catch (SAXException | IOException e) {
            throw src.fail(what + " is not readable XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "256");
        } catch (IllegalArgumentException notSupported) {
            // another parser implementation: secure processing still bounds the work
        }
        return f;
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    // --- small navigation helpers on namespace-aware DOM (local names, so any schema version works)

    static String localName(Node n) {
        String ln = n.getLocalName();
        return ln != null ? ln : n.getNodeName();
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String localName) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(localName(e))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The first descendant with this local name, depth-first. */
    static Optional<Element> descendant(Element root, String localName) {
        var list = root.getElementsByTagNameNS("*", localName);
        if (list.getLength() > 0) {
            return Optional.of((Element) list.item(0));
        }
        return Optional.empty();
    }

    static List<Element> descendants(Element root, String localName) {
        var list = root.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Optional<String> childText(Element parent, String localName) {
        return child(parent, localName).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    static Optional<String> descendantText(Element root, String localName) {
        return descendant(root, localName).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    static Optional<Double> number(Optional<String> text) {
        return text.flatMap(Numbers::parse).filter(Double::isFinite);
    }
}
