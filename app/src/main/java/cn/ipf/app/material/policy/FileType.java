package cn.ipf.app.material.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * 文件类型 the file types accepted as materials, told by their content (magic bytes), never by the name or the
 * Content-Type the uploader sent. An OFD (GB/T 33190, the format of Chinese e-invoices) is a ZIP whose root holds
 * {@code OFD.xml}: a ZIP signature alone is any ZIP (an office document, an archive of anything), so the entry is
 * looked for too.
 */
public enum FileType {
    PDF("application/pdf"),
    OFD("application/ofd"),
    JPEG("image/jpeg"),
    PNG("image/png");

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final String OFD_ROOT = "OFD.xml";
    /** Entries read before giving up on finding OFD.xml (a real OFD has it among its first few). */
    private static final int MAX_ZIP_ENTRIES = 1000;

    private final String mediaType;

    FileType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type of the content, or empty when it is none of the accepted ones. */
    public static Optional<FileType> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, ZIP_MAGIC) && hasOfdRoot(content)) {
            return Optional.of(OFD);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean hasOfdRoot(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            for (int i = 0; i < MAX_ZIP_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
                if (!entry.isDirectory() && entry.getName().equals(OFD_ROOT)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            // a damaged archive or entry name is not an OFD
            return false;
        }
    }
}
