package io.sophia.report;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * junit.xml against the JUnit XML schema Jenkins' xUnit plugin validates with
 * ({@code ../shared/corpus/schemas/junit-10.xsd}, jenkinsci/xunit-plugin at 8c515de, see that
 * folder's SOURCE.md), through javax.xml.validation.
 */
class JUnitXmlSchemaTest {

    static Path xsd() {
        String prop = System.getProperty("sophia.corpus");
        Path corpus = prop != null ? Path.of(prop) : Path.of("../shared/corpus").toAbsolutePath();
        return corpus.resolve("schemas/junit-10.xsd");
    }

    /** Every schema violation of {@code xml}, with its line. */
    static List<String> violations(String xml) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd().toFile());
        Validator v = schema.newValidator();
        // the XSD is local; nothing it or the document names is fetched
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }

    @Test
    void junit_xml_of_every_kind_of_assessment_validates_against_the_jenkins_schema() throws Exception {
        assertTrue(Files.isRegularFile(xsd()), "the corpus schema is missing: " + xsd());
        Map<String, Assessment> cases = new LinkedHashMap<>();
        cases.put("reference", ReferenceScenario.assessment());
        cases.put("with-platform", ReferenceScenario.withPlatform());
        cases.put("hostile", ReferenceScenario.hostile());
        cases.put("healthy", ReferenceScenario.healthy());
        cases.put("sparse", SparseAssessmentTest.sparse());
        cases.put("edges", JsonGoldenTest.edges());
        cases.put("demo", JsonReport.read(Files.readString(Path.of("src/test/resources/golden/demo.report.json"))));
        for (Map.Entry<String, Assessment> c : cases.entrySet()) {
            assertEquals(List.of(), violations(JUnitXmlReport.render(c.getValue())), c.getKey());
        }
    }

    @Test
    void the_validator_rejects_what_jenkins_rejects() throws Exception {
        String xml = JUnitXmlReport.render(ReferenceScenario.assessment())
                .replaceFirst("<testsuites ", "<testsuites skipped=\"0\" ")
                .replaceFirst("time=\"0.000\"", "time=\"soon\"");
        List<String> errors = violations(xml);
        assertTrue(errors.get(0).startsWith("line 2: ") && errors.get(0).contains("'skipped' is not allowed"),
                errors.toString());
        assertTrue(errors.stream().skip(1).allMatch(e -> e.contains("'soon'")), errors.toString());
    }
}
