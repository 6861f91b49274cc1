package io.sophia.probes.chaos;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/** Self-signed server certificates for the hostile TLS endpoints, issued at run time with BouncyCastle. */
final class Certificates {

    /** A private key and its certificate chain. */
    record Identity(PrivateKey key, X509Certificate[] chain) {
    }

    private Certificates() {
    }

    /** A self-signed certificate for localhost and 127.0.0.1, valid from {@code notBefore} to {@code notAfter}. */
    static Identity selfSigned(Instant notBefore, Instant notAfter) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(256);
        KeyPair keys = kpg.generateKeyPair();
        X500Name name = new X500Name("CN=localhost,O=Sophia chaos");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(notBefore.toEpochMilli()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new Identity(keys.getPrivate(), new X509Certificate[] {cert});
    }
}
