package org.geoserver.cluster.datadir.bench;

import static org.geoserver.cluster.datadir.bench.DataDirectoryBenchmark.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a data directory as GeoServer would have it after publishing many shapefile-like layers:
 * per workspace one store, its feature types and layers (each with a default and an alternative
 * style) and a layer group of the first layers; global styles with their SLDs and global groups.
 * File contents follow the shapes of GeoServer's sample data directory.
 */
final class DataDirectoryGenerator {

    private static final String WGS84 = "GEOGCS[&quot;WGS 84&quot;, DATUM[&quot;World Geodetic System 1984&quot;, "
            + "SPHEROID[&quot;WGS 84&quot;, 6378137.0, 298.257223563, AUTHORITY[&quot;EPSG&quot;,&quot;7030&quot;]], "
            + "AUTHORITY[&quot;EPSG&quot;,&quot;6326&quot;]], PRIMEM[&quot;Greenwich&quot;, 0.0, AUTHORITY[&quot;EPSG&quot;,&quot;8901&quot;]], "
            + "UNIT[&quot;degree&quot;, 0.017453292519943295], AXIS[&quot;Geodetic longitude&quot;, EAST], "
            + "AXIS[&quot;Geodetic latitude&quot;, NORTH], AUTHORITY[&quot;EPSG&quot;,&quot;4326&quot;]]";

    private final Path root;
    private final int styles;
    private final int groupSize;
    private int files;

    DataDirectoryGenerator(Path root, int styles, int groupSize) {
        this.root = root;
        this.styles = styles;
        this.groupSize = groupSize;
    }

    /** @return the number of files written */
    int generate(int workspaces, int layersPerWorkspace) throws IOException {
        for (int s = 0; s < styles; s++) {
            write("styles/style" + s + ".xml", "<style>\n  <id>StyleInfoImpl-bench-" + s + "</id>\n  <name>style" + s + "</name>\n"
                    + "  <format>sld</format>\n  <languageVersion>\n    <version>1.0.0</version>\n  </languageVersion>\n"
                    + "  <filename>style" + s + ".sld</filename>\n</style>");
            write("styles/style" + s + ".sld", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.0.0\" "
                    + "xmlns=\"http://www.opengis.net/sld\"><NamedLayer><Name>style" + s + "</Name><UserStyle><FeatureTypeStyle><Rule>"
                    + "<LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>");
        }
        for (int w = 0; w < workspaces; w++) {
            workspace(w, layersPerWorkspace);
        }
        for (int g = 0; g < Math.min(5, workspaces); g++) {
            StringBuilder members = new StringBuilder();
            StringBuilder memberStyles = new StringBuilder();
            for (int m = 0; m < groupSize; m++) {
                members.append("    <layer>\n      <id>LayerInfoImpl-bench-").append((g + m) % workspaces).append('-').append(m % layersPerWorkspace)
                        .append("</id>\n    </layer>\n");
                memberStyles.append("    <style/>\n");
            }
            write("layergroups/global" + g + ".xml", "<layerGroup>\n  <id>LayerGroupInfoImpl-bench-global-" + g + "</id>\n  <name>global" + g
                    + "</name>\n  <layers>\n" + members + "  </layers>\n  <styles>\n" + memberStyles + "  </styles>\n</layerGroup>");
        }
        return files;
    }

    private void workspace(int w, int layers) throws IOException {
        String ws = "ws" + w;
        String wsId = "WorkspaceInfoImpl-bench-" + w;
        String nsId = "NamespaceInfoImpl-bench-" + w;
        String storeId = "DataStoreInfoImpl-bench-" + w;
        String folder = "workspaces/" + ws + "/";
        write(folder + "workspace.xml", "<workspace>\n  <id>" + wsId + "</id>\n  <name>" + ws + "</name>\n  <isolated>false</isolated>\n</workspace>");
        write(folder + "namespace.xml", "<namespace>\n  <id>" + nsId + "</id>\n  <prefix>" + ws + "</prefix>\n  <uri>http://example.com/" + ws
                + "</uri>\n  <isolated>false</isolated>\n</namespace>");
        write(folder + "store/datastore.xml", "<dataStore>\n  <id>" + storeId + "</id>\n  <name>store</name>\n  <type>Directory of spatial files (shapefiles)</type>\n"
                + "  <enabled>true</enabled>\n  <workspace>\n    <id>" + wsId + "</id>\n  </workspace>\n  <connectionParameters>\n"
                + "    <entry key=\"charset\">ISO-8859-1</entry>\n    <entry key=\"fstype\">shape</entry>\n"
                + "    <entry key=\"url\">file:data/" + ws + "</entry>\n    <entry key=\"namespace\">http://example.com/" + ws + "</entry>\n"
                + "  </connectionParameters>\n  <__default>false</__default>\n</dataStore>");
        StringBuilder members = new StringBuilder();
        StringBuilder memberStyles = new StringBuilder();
        for (int l = 0; l < layers; l++) {
            String name = "layer" + l;
            String ftId = "FeatureTypeInfoImpl-bench-" + w + "-" + l;
            String layerId = "LayerInfoImpl-bench-" + w + "-" + l;
            write(folder + "store/" + name + "/featuretype.xml", featureType(ftId, name, nsId, storeId, w, l));
            write(folder + "store/" + name + "/layer.xml", "<layer>\n  <name>" + name + "</name>\n  <id>" + layerId + "</id>\n  <type>VECTOR</type>\n"
                    + "  <defaultStyle>\n    <id>StyleInfoImpl-bench-" + (l % styles) + "</id>\n  </defaultStyle>\n"
                    + "  <styles class=\"linked-hash-set\">\n    <style>\n      <id>StyleInfoImpl-bench-" + ((l + 1) % styles) + "</id>\n    </style>\n  </styles>\n"
                    + "  <resource class=\"featureType\">\n    <id>" + ftId + "</id>\n  </resource>\n  <enabled>true</enabled>\n"
                    + "  <attribution>\n    <logoWidth>0</logoWidth>\n    <logoHeight>0</logoHeight>\n  </attribution>\n"
                    + "  <dateCreated>2026-01-01 00:00:00.000 UTC</dateCreated>\n</layer>");
            if (l < groupSize) {
                members.append("    <published type=\"layer\">\n      <id>").append(layerId).append("</id>\n    </published>\n");
                memberStyles.append("    <style/>\n");
            }
        }
        write(folder + "layergroups/group.xml", "<layerGroup>\n  <id>LayerGroupInfoImpl-bench-" + w + "</id>\n  <name>group</name>\n  <mode>SINGLE</mode>\n"
                + "  <workspace>\n    <id>" + wsId + "</id>\n  </workspace>\n  <publishables>\n" + members + "  </publishables>\n"
                + "  <styles>\n" + memberStyles + "  </styles>\n</layerGroup>");
    }

    private static String featureType(String id, String name, String namespaceId, String storeId, int w, int l) {
        double minx = -180 + (l % 360);
        double miny = -90 + (w % 180);
        String box = "    <minx>" + minx + "</minx>\n    <maxx>" + (minx + 1.5) + "</maxx>\n    <miny>" + miny + "</miny>\n    <maxy>" + (miny + 0.75)
                + "</maxy>\n    <crs>EPSG:4326</crs>\n";
        StringBuilder attributes = new StringBuilder();
        for (String attribute : new String[] {"the_geom", "id", "name", "category", "length"}) {
            attributes.append("    <attribute>\n      <name>").append(attribute).append("</name>\n      <minOccurs>0</minOccurs>\n")
                    .append("      <maxOccurs>1</maxOccurs>\n      <nillable>true</nillable>\n    </attribute>\n");
        }
        return "<featureType>\n  <id>" + id + "</id>\n  <name>" + name + "</name>\n  <nativeName>" + name + "</nativeName>\n"
                + "  <namespace>\n    <id>" + namespaceId + "</id>\n  </namespace>\n  <title>Layer " + l + " of workspace " + w + "</title>\n"
                + "  <abstract>Generated for the data directory benchmark.</abstract>\n"
                + "  <keywords>\n    <string>features</string>\n    <string>" + name + "</string>\n  </keywords>\n"
                + "  <nativeCRS>" + WGS84 + "</nativeCRS>\n  <srs>EPSG:4326</srs>\n"
                + "  <nativeBoundingBox>\n" + box + "  </nativeBoundingBox>\n  <latLonBoundingBox>\n" + box + "  </latLonBoundingBox>\n"
                + "  <projectionPolicy>FORCE_DECLARED</projectionPolicy>\n  <enabled>true</enabled>\n"
                + "  <metadata>\n    <entry key=\"cachingEnabled\">false</entry>\n  </metadata>\n"
                + "  <store class=\"dataStore\">\n    <id>" + storeId + "</id>\n  </store>\n"
                + "  <serviceConfiguration>false</serviceConfiguration>\n  <maxFeatures>0</maxFeatures>\n  <numDecimals>0</numDecimals>\n"
                + "  <attributes>\n" + attributes + "  </attributes>\n</featureType>";
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, utf8(content));
        files++;
    }
}
