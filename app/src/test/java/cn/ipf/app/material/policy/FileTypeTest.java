package cn.ipf.app.material.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    @Test
    void typesAreReadFromTheContent() throws IOException {
        assertThat(FileType.detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1))).contains(FileType.PDF);
        assertThat(FileType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}))
                .contains(FileType.PNG);
        assertThat(FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}))
                .contains(FileType.JPEG);
        assertThat(FileType.detect(zip("Doc_0/Document.xml", "OFD.xml"))).contains(FileType.OFD);
    }

    @Test
    void aZipIsAnOfdOnlyWithOfdXmlAtItsRoot() throws IOException {
        assertThat(FileType.detect(zip("word/document.xml", "[Content_Types].xml"))).isEmpty();
        assertThat(FileType.detect(zip("Doc_0/OFD.xml"))).as("not at the root").isEmpty();
        assertThat(FileType.detect(zip("ofd.xml"))).as("the name is case-sensitive").isEmpty();
        byte[] truncated = zip("OFD.xml");
        assertThat(FileType.detect(java.util.Arrays.copyOf(truncated, 6))).as("a damaged archive").isEmpty();
    }

    @Test
    void namesAndShortOrEmptyContentAreNotTypes() {
        assertThat(FileType.detect(new byte[0])).isEmpty();
        assertThat(FileType.detect("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.detect("<html>%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
