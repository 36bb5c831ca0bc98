package org.geoserver.cluster.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options: a stock Karaf on its own free ports, our features repository added, geoserver-cluster installed. */
final class StockKaraf {

    static final String BROKER_PID = "org.geoserver.cluster.broker";

    private static final String MAVEN_URL_CFG = "etc/org.ops4j.pax.url.mvn.cfg";
    /**
     * Set by surefire from the build's settings: they configure the mvn: URLs of this JVM (Pax Exam
     * reads the Karaf archive through them) and, copied into {@link #MAVEN_URL_CFG}, of the Karaf.
     */
    private static final String LOCAL_REPOSITORY = "org.ops4j.pax.url.mvn.localRepository";
    private static final String OFFLINE = "org.ops4j.pax.url.mvn.offline";

    private StockKaraf() {}

    static Option[] withGeoServerCluster(Option... more) {
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.apache.karaf").artifactId("apache-karaf").version(System.getProperty("karaf.version")).type("tar.gz"))
                        .name("Apache Karaf")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                // The build's local repository, offline when the build is (the Karaf would otherwise read
                // ~/.m2/repository, whatever -Dmaven.repo.local says); besides it only Maven Central.
                editConfigurationFilePut(MAVEN_URL_CFG, LOCAL_REPOSITORY, buildProperty(LOCAL_REPOSITORY)),
                editConfigurationFilePut(MAVEN_URL_CFG, OFFLINE, buildProperty(OFFLINE)),
                editConfigurationFilePut(MAVEN_URL_CFG, "org.ops4j.pax.url.mvn.repositories", "https://repo1.maven.org/maven2@id=central"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(Ports.free())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(Ports.free())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(Ports.free())),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(Ports.free())),
                editConfigurationFilePut("etc/" + BROKER_PID + ".cfg", "transportConnectorURIs", "tcp://127.0.0.1:" + Ports.free()),
                features(maven().groupId("org.geoserver.cluster").artifactId("geoserver-cluster-features").version(System.getProperty("project.version"))
                        .classifier("features").type("xml"), "geoserver-cluster")));
        options.addAll(Arrays.asList(more));
        return options.toArray(new Option[0]);
    }

    private static String buildProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " not set: run the test through Maven (itests/pom.xml sets it)");
        }
        return value;
    }
}
