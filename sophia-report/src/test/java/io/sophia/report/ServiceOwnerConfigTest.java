package io.sophia.report;

import io.sophia.core.Owner;
import io.sophia.diagnosis.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code services[].owner}: a team and a contact, or the team alone; anything else names its line and key. */
class ServiceOwnerConfigTest {

    @TempDir
    Path dir;

    private DeploymentConfig load(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return DeploymentConfig.load(file);
    }

    @Test
    void anOwnerIsATeamWithAContactOrTheTeamAlone() throws Exception {
        DeploymentConfig c = load("shop.yaml", """
                deployment: shop
                services:
                  - id: api
                    url: https://api.shop.example/
                    owner: {team: payments, contact: "#payments-oncall"}
                  - id: web
                    url: https://web.shop.example/
                    owner: storefront
                  - id: db
                    kind: tcp
                    url: tcp://db.shop.internal:5432
                """);
        assertEquals(new Owner("payments", "#payments-oncall"), owner(c, "api"));
        assertEquals(Owner.of("storefront"), owner(c, "web"));
        assertNull(owner(c, "db"), "no owner configured, none invented");
    }

    @Test
    void theJsonFormReadsAlike() throws Exception {
        DeploymentConfig c = load("shop.json", """
                {"deployment": "shop", "services": [
                  {"id": "api", "url": "https://api.shop.example/",
                   "owner": {"team": "payments", "contact": "payments@shop.example"}}]}
                """);
        assertEquals(new Owner("payments", "payments@shop.example"), owner(c, "api"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a list                      | owner: [payments]                      | bad.yaml line 5: services[0].owner: expected a team name or {team, contact}, got a list
            a number                    | owner: 42                              | bad.yaml line 5: services[0].owner: expected a team name or {team, contact}, got '42'
            a boolean                   | owner: true                            | bad.yaml line 5: services[0].owner: expected a team name or {team, contact}, got 'true'
            no team                     | owner: {contact: '#ops'}               | bad.yaml line 5: services[0].owner.team: missing
            a team that is a number     | owner: {team: 7}                       | bad.yaml line 5: services[0].owner.team: expected a text, got '7'
            a misspelt key              | owner: {team: ops, contcat: '#ops'}    | bad.yaml line 5: services[0].owner.contcat: unknown key (did you mean 'contact'?)
            """)
    void aBadOwnerNamesItsLineAndKey(String scenario, String owner, String expected) {
        String yaml = "deployment: shop\nservices:\n  - id: api\n    url: https://api.shop.example/\n    " + owner + "\n";
        InputException e = assertThrows(InputException.class, () -> load("bad.yaml", yaml));
        assertTrue(e.getMessage().contains(expected),
                () -> "expected the message to contain\n  " + expected + "\nbut it was\n  " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a team                 | "payments"                                      | true
            a team and a contact   | {"team": "payments", "contact": "#payments"}    | true
            a list                 | ["payments"]                                    | false
            a number               | 42                                              | false
            a blank team           | "  "                                            | false
            no team                | {"contact": "#payments"}                        | false
            a misspelt key         | {"team": "payments", "contcat": "#payments"}    | false
            """)
    void theShippedConfigSchemaAgreesWithTheReader(String scenario, String owner, boolean valid) throws Exception {
        String json = "{\"deployment\": \"shop\", \"services\": [{\"id\": \"api\", \"url\": \"https://api.shop.example/\","
                + " \"owner\": " + owner + "}]}";
        String schema;
        try (java.io.InputStream in = DeploymentConfig.class.getResourceAsStream(DeploymentConfig.SCHEMA_RESOURCE)) {
            schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(valid, SchemaCheck.violations(schema, json).isEmpty(), () -> SchemaCheck.violations(schema, json).toString());
        if (valid) {
            load("ok.json", json);
        } else {
            assertThrows(InputException.class, () -> load("bad.json", json));
        }
    }

    private static Owner owner(DeploymentConfig c, String id) {
        return c.deployment().service(id).orElseThrow().owner();
    }
}
