package io.sophia.probes.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS set-up of an HTTP client with a custom trust store and/or a client certificate (mTLS),
 * read from files: a trust store is a PEM file of one or more certificates or a PKCS12 file; a
 * client certificate is a PKCS12 file or a PEM file holding the certificate chain and an
 * unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}).
 *
 * <p>Errors name the file and what is wrong with it, never its content: a file given by mistake
 * (a credentials file, say) must not have its first line printed.
 *
 * @param sockets the socket factory
 * @param trust   the trust manager the factory validates servers with
 */
public record HttpTls(SSLSocketFactory sockets, X509TrustManager trust) {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final long MAX_FILE_BYTES = 1 << 20;

    /**
     * Builds the TLS set-up.
     *
     * @param trustStore         PEM or PKCS12 file of trusted certificates, or null for the JVM's default trust
     * @param trustPassword      the PKCS12 trust store's password, or null
     * @param clientCertificate  PKCS12 or PEM file with a certificate chain and its key, or null for none
     * @param clientPassword     the PKCS12 file's password, or null
     * @return the set-up
     * @throws IllegalArgumentException when a file cannot be read or used; the message names the file only
     */
    public static HttpTls of(Path trustStore, char[] trustPassword, Path clientCertificate, char[] clientPassword) {
        try {
            TrustManager[] trust;
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore == null ? null : trustStore(trustStore, trustPassword));
            trust = tmf.getTrustManagers();
            X509TrustManager x509 = null;
            for (TrustManager t : trust) {
                if (t instanceof X509TrustManager x) {
                    x509 = x;
                }
            }
            if (x509 == null) {
                throw new IllegalArgumentException("the JVM offers no X.509 trust manager");
            }
            KeyManagerFactory kmf = null;
            if (clientCertificate != null) {
                char[] pass = clientPassword == null ? new char[0] : clientPassword;
                KeyStore keys = keyStore(clientCertificate, pass);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, pass);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), new TrustManager[]{x509}, null);
            return new HttpTls(context.getSocketFactory(), x509);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS set-up failed: " + e.getClass().getSimpleName());
        }
    }

    private static KeyStore trustStore(Path file, char[] password) {
        byte[] bytes = read(file, "trust store");
        if (looksLikePem(bytes)) {
            List<X509Certificate> certs = certificates(file, "trust store", new String(bytes, StandardCharsets.US_ASCII));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("trust store " + file + " holds no PEM certificate");
            }
            try {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                for (int i = 0; i < certs.size(); i++) {
                    ks.setCertificateEntry("ca-" + i, certs.get(i));
                }
                return ks;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("trust store " + file + " cannot be used: " + e.getClass().getSimpleName());
            }
        }
        KeyStore ks = pkcs12(file, "trust store", bytes, password == null ? new char[0] : password);
        try {
            if (ks.size() == 0) {
                throw new IllegalArgumentException("trust store " + file + " holds no certificate");
            }
        } catch (java.security.KeyStoreException e) {
            throw new IllegalArgumentException("trust store " + file + " cannot be used: " + e.getClass().getSimpleName());
        }
        return ks;
    }

    private static KeyStore keyStore(Path file, char[] password) {
        byte[] bytes = read(file, "client certificate");
        if (!looksLikePem(bytes)) {
            return pkcs12(file, "client certificate", bytes, password);
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        List<X509Certificate> chain = certificates(file, "client certificate", text);
        PrivateKey key = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("ENCRYPTED PRIVATE KEY") || type.equals("RSA PRIVATE KEY") || type.equals("EC PRIVATE KEY")) {
                throw new IllegalArgumentException("client certificate " + file + ": the key is " + type.toLowerCase(java.util.Locale.ROOT)
                        + "; convert it to an unencrypted PKCS#8 key (BEGIN PRIVATE KEY) or use a PKCS12 file");
            }
            if (type.equals("PRIVATE KEY")) {
                key = privateKey(file, decode(file, m.group(2)));
            }
        }
        if (chain.isEmpty() || key == null) {
            throw new IllegalArgumentException("client certificate " + file
                    + " must hold a certificate and its private key (PEM) or be a PKCS12 file");
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("client certificate " + file + " cannot be used: " + e.getClass().getSimpleName());
        }
    }

    private static PrivateKey privateKey(Path file, byte[] der) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("client certificate " + file + ": the private key is not an RSA, EC or EdDSA key");
    }

    private static List<X509Certificate> certificates(Path file, String what, String text) {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    Collection<? extends Certificate> certs = cf.generateCertificates(
                            new ByteArrayInputStream(decode(file, m.group(2))));
                    for (Certificate c : certs) {
                        out.add((X509Certificate) c);
                    }
                }
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(what + " " + file + " holds a certificate that cannot be read");
        }
        return out;
    }

    private static byte[] decode(Path file, String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " holds a PEM block that is not valid base64");
        }
    }

    private static KeyStore pkcs12(Path file, String what, byte[] bytes, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), password);
            return ks;
        } catch (IOException e) {
            // a wrong password and a file that is not PKCS12 both end here; the JDK's message may quote neither
            throw new IllegalArgumentException(what + " " + file
                    + " is neither PEM nor a PKCS12 file this password opens");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(what + " " + file + " cannot be used: " + e.getClass().getSimpleName());
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN ");
    }

    private static byte[] read(Path file, String what) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(what + " " + file + " is larger than 1 MiB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
