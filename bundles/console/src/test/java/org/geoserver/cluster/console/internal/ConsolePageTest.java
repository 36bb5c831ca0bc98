package org.geoserver.cluster.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's files as the bundle ships them: complete, self-contained, and text only for server strings. */
class ConsolePageTest {

    private static final List<String> FILES = List.of("index.html", "console.css", "console.js");

    private static String file(String name) throws IOException {
        try (InputStream in = ConsolePageTest.class.getResourceAsStream(ConsolePage.FOLDER + "/" + name)) {
            assertNotNull(in, name + " in the bundle's " + ConsolePage.FOLDER);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyFileThePageLoadsIsInTheBundle() throws IOException {
        List<String> loaded = new ArrayList<>();
        Matcher reference = Pattern.compile("(?:href|src)=\"([^\"#]+)\"").matcher(file("index.html"));
        while (reference.find()) {
            if (!reference.group(1).startsWith("data:")) {
                loaded.add(reference.group(1));
            }
        }
        assertEquals(List.of("console.css", "console.js"), loaded);
        for (String name : loaded) {
            file(name);
        }
    }

    @Test
    void nothingComesFromAnotherHost() throws IOException {
        for (String name : FILES) {
            String text = file(name);
            assertFalse(Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(text.replaceAll("(?m)^\\s*//.*$", "")).find(),
                    name + " names another host");
            assertFalse(text.contains("@import"), name + " imports a style sheet");
        }
    }

    @Test
    void serverStringsReachThePageAsTextOnly() throws IOException {
        String script = file("console.js");
        for (String markup : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
            assertFalse(script.contains(markup), "console.js uses " + markup);
        }
        assertTrue(script.contains("credentials: 'omit'"), "the browser's own login prompt stays out");
        assertFalse(file("index.html").contains("<script>"), "no inline script: the page's policy forbids it");
    }
}
