package dev.diag.it;

import dev.diag.agent.tls.NodeIdentity;
import dev.diag.protocol.handshake.TlsClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A man in the middle without the cookie: terminates the shell's TLS with a certificate of its
 * own (it lacks the node's key), opens TLS to the node as any client would, and relays the
 * decrypted bytes both ways, keeping them ({@link #captured()} is plaintext here).
 */
final class TlsInterceptor extends RecordingRelay {
    private final SSLContext context;

    TlsInterceptor(InetSocketAddress node, Path keyFile) throws IOException, GeneralSecurityException {
        super(node);
        NodeIdentity own = NodeIdentity.loadOrCreate(keyFile, new SecureRandom());
        char[] password = "interceptor".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("mitm", own.key(), password, new Certificate[] {own.certificate()});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        context = SSLContext.getInstance("TLSv1.3");
        context.init(managers.getKeyManagers(), null, new SecureRandom());
    }

    @Override
    protected Socket[] openStreams(Socket client, Socket toNode) throws IOException {
        SSLSocket fromShell = (SSLSocket) context.getSocketFactory().createSocket(client, null, client.getPort(), true);
        fromShell.setUseClientMode(false);
        fromShell.startHandshake();
        return new Socket[] {fromShell, TlsClient.over(toNode)};
    }
}
