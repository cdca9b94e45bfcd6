package dev.diag.protocol.handshake;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * The random source for handshake nonces. Where the kernel offers {@code /dev/urandom} it is
 * read directly, as the JDK's default NativePRNG does, without the provider look-up and SHA1PRNG
 * mixing that cost a one-shot client about 7 ms; elsewhere it is the JDK's default SecureRandom.
 */
public final class Nonces {
    private static final String URANDOM = "/dev/urandom";

    private Nonces() {
    }

    public static SecureRandom source() {
        if (new java.io.File(URANDOM).canRead()) {
            return new KernelRandom();
        }
        return new SecureRandom();
    }

    /** A SecureRandom over the kernel's CSPRNG; the protected constructor skips provider look-up. */
    private static final class KernelRandom extends SecureRandom {
        KernelRandom() {
            super(new UrandomSpi(), null);
        }
    }

    private static final class UrandomSpi extends SecureRandomSpi {
        @Override
        protected void engineSetSeed(byte[] seed) {
            // the kernel seeds itself; extra seed material is not needed
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            try (InputStream in = new FileInputStream(URANDOM)) {
                int read = 0;
                while (read < bytes.length) {
                    int n = in.read(bytes, read, bytes.length - read);
                    if (n < 0) {
                        throw new IOException("end of " + URANDOM);
                    }
                    read += n;
                }
            } catch (IOException e) {
                // never fall back to weaker bytes silently
                throw new IllegalStateException("cannot read " + URANDOM + ": " + e.getMessage(), e);
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }
    }
}
