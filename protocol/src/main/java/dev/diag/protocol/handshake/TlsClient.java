package dev.diag.protocol.handshake;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's side of a node's TLS: TLS 1.3 from the JDK over a socket already connected, and
 * the binding of the certificate the node showed. Any certificate is accepted, on purpose: no
 * CA vouches for a node's self-signed one, and none needs to, because the cookie handshake that
 * follows binds this certificate's fingerprint ({@link TlsBinding}). Whoever showed us a
 * certificate of its own cannot then complete that handshake without the cookie, and the node,
 * which binds its own certificate, refuses our proof. What TLS adds is that nobody on the path
 * reads the calls, the results or our user name.
 */
public final class TlsClient {
    static final String PROTOCOL = "TLSv1.3";

    private TlsClient() {
    }

    /** TLS over {@code connected}, handshake done; closing the result closes {@code connected}. */
    public static SSLSocket over(Socket connected) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance(PROTOCOL);
            context.init(null, new X509ExtendedTrustManager[] {new AnyCertificate()}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("this JVM cannot speak TLS 1.3: " + e.getMessage(), e);
        }
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connected,
                connected.getInetAddress().getHostAddress(), connected.getPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[] {PROTOCOL});
        parameters.setServerNames(List.of()); // no host name in the clear: the node has one certificate anyway
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** The binding of the certificate {@code socket}'s peer showed. */
    public static TlsBinding binding(SSLSocket socket) throws IOException {
        Certificate[] chain = socket.getSession().getPeerCertificates();
        try {
            return TlsBinding.ofCertificate(chain[0].getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException("the node's certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Accepts every certificate: the cookie handshake, bound to it, does the authenticating. */
    private static final class AnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // accepted: see the class comment
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // accepted: see the class comment
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepted: see the class comment
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a diag client never serves TLS");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a diag client never serves TLS");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a diag client never serves TLS");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
