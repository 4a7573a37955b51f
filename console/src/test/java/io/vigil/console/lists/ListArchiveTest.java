package io.vigil.console.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.keywords.format.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ListArchiveTest {

    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<String> problems(byte[] zip, boolean provider) {
        return assertThrows(InvalidListsException.class, () -> ListArchive.read(zip, provider)).problems();
    }

    @Test
    void aZippedListDirectoryIsReadWithItsFolderDroppedAndOtherFilesIgnored() throws IOException {
        List<SourceFile> files = ListArchive.read(zip("lists/categories.txt", "a\tA\tx\tcontent\t-\n",
                "lists/a.vkl", "@category a\n", "lists/README.md", "notes", "__MACOSX/lists/._a.vkl", "junk"), true);
        assertEquals(List.of("categories.txt", "a.vkl"), files.stream().map(SourceFile::name).toList());
    }

    @Test
    void pathTraversalAbsolutePathsAndNestedFoldersAreRefusedByName() throws IOException {
        List<String> problems = problems(zip("../categories.txt", "x", "/etc/a.vkl", "x", "a/b/c.vkl", "x",
                "C:\\evil.vkl", "x"), true);
        assertTrue(problems.get(0).contains("path traversal"), problems.toString());
        assertTrue(problems.get(1).contains("absolute path"), problems.toString());
        assertTrue(problems.get(2).contains("nested folders"), problems.toString());
        assertTrue(problems.get(3).contains("backslash"), problems.toString());
    }

    @Test
    void aZipBombStopsAtTheEntryLimitWhateverItsHeaderClaims() throws IOException {
        // 20 MiB of one byte compresses to a few KB: the reader must count what it unpacks, not trust headers.
        byte[] bomb = zip("categories.txt", "a".repeat(20 * 1024 * 1024));
        assertTrue(bomb.length < 100_000, "the test zip should be small: " + bomb.length);
        List<String> problems = problems(bomb, true);
        assertTrue(problems.getFirst().contains("more than " + ListArchive.MAX_ENTRY_BYTES + " bytes unpacked"),
                problems.toString());
    }

    @Test
    void manyEntriesAddingUpPastTheTotalAreRefused() throws IOException {
        String[] parts = new String[20];
        for (int i = 0; i < 10; i++) {
            parts[2 * i] = "l" + i + ".vkl";
            parts[2 * i + 1] = "b".repeat(ListArchive.MAX_ENTRY_BYTES);
        }
        assertTrue(problems(zip(parts), true).getFirst().contains("once unpacked"));
    }

    @Test
    void anOversizedUploadAGarbageUploadAndDuplicatesAreRefused() throws IOException {
        assertTrue(problems(new byte[ListArchive.MAX_ZIP_BYTES + 1], true).getFirst().contains("at most"));
        assertTrue(problems("not a zip at all".getBytes(StandardCharsets.UTF_8), true).getFirst()
                .contains("not a zip"));
        assertTrue(problems(zip("x/a.vkl", "1", "y/a.vkl", "2", "categories.txt", ""), true).toString()
                .contains("a.vkl: appears twice"));
    }

    @Test
    void aSchoolUploadsWordsOnlyAndTheProviderACompleteSet() throws IOException {
        assertTrue(problems(zip("a.vkl", "term x 1 1 \"y\""), true).toString().contains("categories.txt: missing"));
        assertTrue(problems(zip("categories.txt", "", "a.vkl", ""), false).toString()
                .contains("leave this file out"));
    }

    @Test
    void textThatIsNotUtf8IsNamedWithItsFile() throws IOException {
        byte[] zip = zipBytes("a.vkl", new byte[] {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28});
        assertEquals(List.of("a.vkl:1: not valid UTF-8 text"), problems(zip, false));
    }

    private static byte[] zipBytes(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
