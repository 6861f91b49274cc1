package io.sophia.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's five-line host program, exactly as printed: extracted from README.md, compiled against the
 * library modules alone and run on a loopback deployment, healthy and then down.
 */
class ReadmeLibraryTest {

    static String readmeHostProgram() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("## Use it as a library");
        assertTrue(section > 0, "the README has a library section");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmeHostProgramCompilesOnTheLibraryAloneAndChecksADeployment(@TempDir Path tmp) throws Exception {
        String program = readmeHostProgram();
        assertTrue(program.contains("Sophia.check(Path.of(args[0]))"), program);
        Method main = LibraryOnlyCompiler.compile("CheckDeployment", program, tmp.resolve("host"))
                .getMethod("main", String[].class);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        Path config = tmp.resolve("deploy.yaml");
        try {
            Files.writeString(config, """
                    deployment: shop
                    services:
                      - id: api
                        url: http://127.0.0.1:%d/
                        critical: true
                    probe: {timeout: 30s}
                    """.formatted(server.getAddress().getPort())); // a hang guard: the server answers at once
            main.invoke(null, (Object) new String[] {config.toString(), tmp.resolve("up").toString()});
        } finally {
            server.stop(0);
        }
        JsonNode up = new ObjectMapper().readTree(Files.readString(tmp.resolve("up/report.json")));
        assertEquals("OPEN", up.path("gate").path("status").asText(), up.toPrettyString());
        assertEquals("UP", up.path("services").get(0).path("status").asText());

        // the critical service is gone: the program writes the reports, then fails the build
        InvocationTargetException down = assertThrows(InvocationTargetException.class,
                () -> main.invoke(null, (Object) new String[] {config.toString(), tmp.resolve("down").toString()}));
        assertInstanceOf(IllegalStateException.class, down.getCause());
        assertTrue(down.getCause().getMessage().startsWith("gate BLOCKED"), down.getCause().getMessage());
        assertTrue(Files.isRegularFile(tmp.resolve("down/report.md")));
    }
}
