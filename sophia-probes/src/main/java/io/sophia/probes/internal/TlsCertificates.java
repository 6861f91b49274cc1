package io.sophia.probes.internal;

import java.net.IDN;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** What a certificate chain says: host name match (RFC 6125), self-signed, trusted. */
public final class TlsCertificates {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern CN = Pattern.compile("(?:^|,)\\s*CN=((?:\\\\.|[^,\\\\])*)");

    private TlsCertificates() {
    }

    /**
     * True when {@code leaf} names {@code host}: an IP literal against the iPAddress entries of the
     * subject alternative names, a DNS name against the dNSName entries (a wildcard covers exactly
     * the leftmost label), and the subject's CN only when the certificate has no dNSName at all.
     */
    public static boolean matchesHost(X509Certificate leaf, String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        List<String> dnsNames = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() < 2 || !(san.get(0) instanceof Integer type) || !(san.get(1) instanceof String v)) {
                        continue;
                    }
                    if (type == SAN_DNS) {
                        dnsNames.add(v);
                    } else if (type == SAN_IP) {
                        ips.add(v);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (isIpLiteral(host)) {
            String wanted = normaliseIp(host);
            return ips.stream().map(TlsCertificates::normaliseIp).anyMatch(wanted::equals);
        }
        String name = asciiLower(host);
        if (dnsNames.isEmpty()) {
            Matcher m = CN.matcher(leaf.getSubjectX500Principal().getName());
            return m.find() && dnsMatches(asciiLower(m.group(1)), name);
        }
        for (String pattern : dnsNames) {
            if (dnsMatches(asciiLower(pattern), name)) {
                return true;
            }
        }
        return false;
    }

    static boolean dnsMatches(String pattern, String name) {
        if (pattern.endsWith(".")) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!pattern.startsWith("*.")) {
            return pattern.equals(name);
        }
        String suffix = pattern.substring(1); // ".example.com"
        if (!name.endsWith(suffix)) {
            return false;
        }
        String label = name.substring(0, name.length() - suffix.length());
        // a wildcard stands for one whole, non-empty label, and never for a public suffix like *.com
        return !label.isEmpty() && !label.contains(".") && suffix.indexOf('.', 1) > 0;
    }

    /** True when {@code cert} is its own issuer and its signature verifies with its own key. */
    public static boolean selfSigned(X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The default trust manager of a trust store; {@code null} means the JDK's cacerts. */
    public static X509TrustManager trustManager(KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("no X.509 trust manager available", e);
        }
        throw new IllegalStateException("no X.509 trust manager available");
    }

    /** Null when {@code chain} validates against {@code trust}, else why it does not. */
    public static String trustProblem(X509TrustManager trust, X509Certificate[] chain) {
        try {
            // "UNKNOWN" is what SunJSSE itself passes for TLS 1.3: no key-exchange specific key usage check
            trust.checkServerTrusted(chain, "UNKNOWN");
            return null;
        } catch (CertificateException | RuntimeException e) {
            String m = e.getMessage();
            return m == null ? e.getClass().getSimpleName() : m;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String normaliseIp(String ip) {
        try {
            return java.net.InetAddress.getByName(ip).getHostAddress();
        } catch (Exception e) {
            return ip.toLowerCase(Locale.ROOT);
        }
    }

    private static String asciiLower(String name) {
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
