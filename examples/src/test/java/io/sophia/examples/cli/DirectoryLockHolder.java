package io.sophia.examples.cli;

import io.sophia.report.internal.ReportSet;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child process of {@link ReportDirectoryBusyTest}: another writer of a report directory, reduced to what matters
 * here. It takes the directory's writer lock as a writing Sophia does, says {@code locked} on stdout, and holds the
 * lock until its stdin ends (the test closes it, or the process is killed); then it says {@code released}.
 */
public final class DirectoryLockHolder {

    private DirectoryLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        try (FileChannel ch = FileChannel.open(dir.resolve(ReportSet.DIR_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            System.out.println("locked");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.out.println("released");
        System.out.flush();
    }
}
