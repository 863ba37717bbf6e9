package org.ssaeinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImagesLocatorTest {
    @TempDir
    Path tmp;

    @Test
    void configuredFolderComesFirst() throws Exception {
        Path configured = Files.createDirectories(tmp.resolve("installed/sample-images"));
        Files.createDirectories(tmp.resolve("cwd/sample-images"));
        assertEquals(configured, SampleImagesLocator.find(configured.toString(), tmp.resolve("cwd"), null).orElseThrow());
    }

    @Test
    void workingDirectoryThenBesideTheJar() throws Exception {
        Path repo = tmp.resolve("repo");
        Path jar = Files.createDirectories(repo.resolve("target")).resolve("ssae-inspector.jar");
        Files.writeString(jar, "jar");
        Path samples = Files.createDirectories(repo.resolve("sample-images"));
        Path elsewhere = Files.createDirectories(tmp.resolve("home"));
        assertEquals(samples, SampleImagesLocator.find(null, elsewhere, jar).orElseThrow(), "<jar dir>/../sample-images");
        assertEquals(samples, SampleImagesLocator.find(null, repo, jar).orElseThrow(), "working directory");
    }

    @Test
    void installedAppKeepsThemBesideItsJar() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("opt/ssae/lib/app"));
        Path jar = Files.writeString(app.resolve("ssae-inspector.jar"), "jar");
        Path samples = Files.createDirectories(app.resolve("sample-images"));
        assertEquals(samples, SampleImagesLocator.find("", tmp, jar).orElseThrow());
    }

    @Test
    void theAppOpensOnTheShowcaseCategoryWhenItIsThere() throws Exception {
        Path samples = Files.createDirectories(tmp.resolve("sample-images"));
        assertEquals(samples, SampleImagesLocator.openingFolder(samples), "no such category: the folder itself");
        Path first = Files.createDirectories(samples.resolve(org.ssaeinspector.samples.SampleImageGenerator.FIRST_CATEGORY));
        assertEquals(first, SampleImagesLocator.openingFolder(samples));
        assertTrue(Files.isDirectory(SampleImagesLocator.openingFolder(Path.of("sample-images"))
                .resolve("train")), "the bundled samples have that category");
    }

    @Test
    void nothingFoundIsEmpty() {
        assertTrue(SampleImagesLocator.find(null, tmp, tmp.resolve("x.jar")).isEmpty());
    }
}
