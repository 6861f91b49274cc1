package io.sophia.probes;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Issues test certificates with BouncyCastle: a test CA and leaves for any names and validity. */
final class TlsTestPki {

    /** A private key and its certificate chain, leaf first. */
    record Identity(PrivateKey key, X509Certificate[] chain) {
        X509Certificate leaf() {
            return chain[0];
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    final Identity ca;

    TlsTestPki() throws Exception {
        KeyPair caKeys = keys();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=Sophia Test CA,O=Sophia Tests");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(3650L * 86400)), name, caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate cert = sign(b, caKeys.getPrivate());
        ca = new Identity(caKeys.getPrivate(), new X509Certificate[] {cert});
    }

    /** A leaf signed by the test CA, valid from {@code notBefore} to {@code notAfter}, naming {@code names}. */
    Identity issue(String cn, Instant notBefore, Instant notAfter, String... names) throws Exception {
        KeyPair keys = keys();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(ca.leaf().getSubjectX500Principal().getEncoded()), serial(), Date.from(notBefore),
                Date.from(notAfter), new X500Name("CN=" + cn), keys.getPublic());
        leafExtensions(b, names);
        return new Identity(keys.getPrivate(), new X509Certificate[] {sign(b, ca.key()), ca.leaf()});
    }

    /** A self-signed leaf. */
    static Identity selfSigned(String cn, Instant notBefore, Instant notAfter, String... names) throws Exception {
        KeyPair keys = keys();
        X500Name name = new X500Name("CN=" + cn);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                Date.from(notAfter), name, keys.getPublic());
        leafExtensions(b, names);
        return new Identity(keys.getPrivate(), new X509Certificate[] {sign(b, keys.getPrivate())});
    }

    /** A trust store holding only the test CA. */
    KeyStore trustStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("sophia-test-ca", ca.leaf());
        return ks;
    }

    private static void leafExtensions(JcaX509v3CertificateBuilder b, String... names) throws Exception {
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) {
            sans.add(n.matches("[0-9.]+") || n.contains(":")
                    ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        if (!sans.isEmpty()) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
        }
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(256);
        return kpg.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }
}
