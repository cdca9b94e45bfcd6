import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A build step of the agent (run by agent/pom.xml after shade, with the JDK's source launcher):
 * rewrites a jar with every entry stored instead of deflated, in the same order and with the same
 * names, contents and times, and replaces it. The target JVM reads the agent's classes out of
 * this jar at start; from a stored entry it copies the bytes, from a deflated one it needs an
 * inflater and its buffers per class (docs/benchmarks.md, "the agent's footprint").
 *
 *   java agent/build/StoreEntries.java JAR
 */
public final class StoreEntries {
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(stored)))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                out.putNextEntry(storedEntry(entry, bytes));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A stored entry must say its size and CRC before its bytes. */
    private static ZipEntry storedEntry(ZipEntry original, byte[] bytes) {
        ZipEntry entry = new ZipEntry(original.getName());
        entry.setTime(original.getTime());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private StoreEntries() {
    }
}
