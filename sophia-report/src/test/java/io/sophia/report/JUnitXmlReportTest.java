package io.sophia.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitXmlReportTest {

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void one_testcase_per_service_fails_for_each_service_not_up() throws Exception {
        Document d = parse(JUnitXmlReport.render(ReferenceScenario.assessment()));
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("11", root.getAttribute("tests"));
        assertEquals("8", root.getAttribute("failures"));
        Element services = (Element) d.getElementsByTagName("testsuite").item(0);
        assertEquals("sophia.services", services.getAttribute("name"));
        assertEquals("6", services.getAttribute("tests"));
        assertEquals("5", services.getAttribute("failures"));
        NodeList cases = services.getElementsByTagName("testcase");
        assertEquals(6, cases.getLength());
        Element dashboard = (Element) cases.item(0);
        assertEquals("dashboard (Dashboard) is UP", dashboard.getAttribute("name"));
        assertEquals("0.016", dashboard.getAttribute("time"));
        Element failure = (Element) dashboard.getElementsByTagName("failure").item(0);
        assertEquals("Expecting service dashboard to be UP but was DOWN: connection refused", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("most probable cause: build.dockerfile (78.1 %, HIGH confidence)"));
        Element repo = (Element) cases.item(1);
        assertEquals(0, repo.getElementsByTagName("failure").getLength());
    }

    @Test
    void one_testcase_per_gate_criterion_fails_on_fail_and_passes_on_warn() throws Exception {
        Document d = parse(JUnitXmlReport.render(ReferenceScenario.assessment()));
        Element gate = (Element) d.getElementsByTagName("testsuite").item(1);
        assertEquals("sophia.gate", gate.getAttribute("name"));
        assertEquals("5", gate.getAttribute("tests"));
        assertEquals("3", gate.getAttribute("failures"));
        Element critical = (Element) gate.getElementsByTagName("testcase").item(0);
        assertEquals("critical-services-up: Every critical service is UP", critical.getAttribute("name"));
        Element failure = (Element) critical.getElementsByTagName("failure").item(0);
        assertEquals("FAIL (key)", failure.getAttribute("type"));
        assertEquals("Gate criterion critical-services-up failed: 3 of 3 critical services DOWN "
                + "(required: all critical services UP)", failure.getAttribute("message"));
        Element tls = (Element) gate.getElementsByTagName("testcase").item(4);
        assertEquals(0, tls.getElementsByTagName("failure").getLength());
        assertTrue(tls.getElementsByTagName("system-out").item(0).getTextContent().startsWith("WARN: value: not checked"));
    }

    @Test
    void properties_name_the_deployment_gate_and_top_cause() throws Exception {
        Document d = parse(JUnitXmlReport.render(ReferenceScenario.assessment()));
        NodeList props = d.getElementsByTagName("property");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            all.append(p.getAttribute("name")).append('=').append(p.getAttribute("value")).append('\n');
        }
        assertTrue(all.toString().contains("deployment=sophia-ai-v2\n"));
        assertTrue(all.toString().contains("gate=BLOCKED\n"));
        assertTrue(all.toString().contains("topCause=build.dockerfile 78.1 %\n"));
    }

    @Test
    void hostile_strings_and_control_characters_still_give_well_formed_xml() throws Exception {
        String xml = JUnitXmlReport.render(ReferenceScenario.hostile());
        Document d = parse(xml);
        Element dashboard = (Element) d.getElementsByTagName("testcase").item(0);
        assertTrue(dashboard.getAttribute("name").startsWith("dashboard (Dash|board <script>alert('x')</script>"));
        String message = ((Element) dashboard.getElementsByTagName("failure").item(0)).getAttribute("message");
        assertTrue(message.contains("refused | <img src=x onerror=alert(1)> ```"), message);
        assertTrue(message.indexOf('\u0007') < 0 && message.indexOf('\u001b') < 0);
        for (char c = 0; c < 32; c++) {
            if (c != '\n') {
                assertEquals(-1, xml.indexOf(c), "control character " + (int) c);
            }
        }
    }

    @Test
    void the_same_assessment_renders_to_the_same_bytes() {
        assertEquals(JUnitXmlReport.render(ReferenceScenario.hostile()), JUnitXmlReport.render(ReferenceScenario.hostile()));
    }
}
